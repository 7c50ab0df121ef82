import type { Histogram, HistogramBucket, LogLevel } from '../../../../shared/logs';
import { LEVELS } from './levels';

/** One bar of the chart: the bucket's span, its total, and a count per level. */
export type HistogramRow = { start: number; end: number; total: number } & Record<LogLevel, number>;

/** A bucket's count for one level; a level the index left out counts zero. */
export function countOf(bucket: HistogramBucket, level: LogLevel): number {
  return bucket.counts[level] ?? 0;
}

/** The events in a bucket, over all levels. */
export function bucketTotal(bucket: HistogramBucket): number {
  return LEVELS.reduce((sum, level) => sum + countOf(bucket, level), 0);
}

/** Flattens the buckets into the rows recharts stacks, one key per level. */
export function histogramRows(histogram: Histogram): HistogramRow[] {
  return histogram.buckets.map((bucket) => {
    const row = {
      start: bucket.start,
      end: bucket.end,
      total: bucketTotal(bucket),
    } as HistogramRow;
    for (const level of LEVELS) row[level] = countOf(bucket, level);
    return row;
  });
}

/** The buckets from one index to another, in either order, both included. */
export function bucketsBetween<T>(rows: T[], a: number, b: number): T[] {
  return rows.slice(Math.min(a, b), Math.max(a, b) + 1);
}
