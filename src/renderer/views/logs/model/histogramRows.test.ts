import { describe, expect, it } from 'vitest';
import type { Histogram, LogLevel } from '../../../../shared/logs';
import { bucketTotal, bucketsBetween, histogramRows } from './histogramRows';

const counts = (partial: Partial<Record<LogLevel, number>>) => partial as Record<LogLevel, number>;

const histogram: Histogram = {
  bucket: 'hour',
  timeZone: 'Europe/Berlin',
  buckets: [
    { start: 0, end: 10, counts: counts({ error: 2, info: 5 }) },
    { start: 10, end: 20, counts: counts({ warn: 1, unknown: 3 }) },
  ],
  total: 11,
  untimed: 0,
  tookMs: 1,
};

describe('chart rows from histogram buckets', () => {
  it('gives every level a count, zero where the bucket has none', () => {
    const [first, second] = histogramRows(histogram);
    expect(first).toMatchObject({ start: 0, end: 10, total: 7, error: 2, info: 5, warn: 0 });
    expect(second).toMatchObject({ total: 4, warn: 1, unknown: 3, error: 0, fatal: 0 });
  });

  it('totals a bucket over all levels', () => {
    expect(bucketTotal(histogram.buckets[0])).toBe(7);
  });
});

describe('buckets between two bars', () => {
  it('includes both ends whichever way the drag went', () => {
    const rows = ['a', 'b', 'c', 'd'];
    expect(bucketsBetween(rows, 1, 3)).toEqual(['b', 'c', 'd']);
    expect(bucketsBetween(rows, 3, 1)).toEqual(['b', 'c', 'd']);
    expect(bucketsBetween(rows, 2, 2)).toEqual(['c']);
  });
});
