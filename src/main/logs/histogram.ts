import { TZDate, tzOffset } from '@date-fns/tz';
import {
  LOG_LEVELS,
  type BucketChoice,
  type BucketWidth,
  type HistogramBucket,
  type LogLevel,
} from '../../shared/logs';
import { OpsdeskError } from '../../shared/result';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** More bars than this is no chart; the request must pick a wider bucket. */
export const MAX_BUCKETS = 20_000;

/** Throws unless `timeZone` is an IANA zone (or offset) the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new OpsdeskError('invalid-request', `Unknown time zone ${timeZone}.`);
  }
}

/** Picks the width that gives about 20 to 200 bars over [from, to). */
export function resolveBucket(choice: BucketChoice, from: number, to: number): BucketWidth {
  if (choice !== 'auto') return choice;
  const span = Math.max(0, to - from);
  if (span <= 200 * 15 * MINUTE) return '15m';
  if (span <= 200 * HOUR) return 'hour';
  return 'day';
}

/** Start of the wall-clock quarter hour or hour holding `time` in `timeZone`. */
function floorToClock(time: number, unit: number, timeZone: string): number {
  const local = time + tzOffset(timeZone, new Date(time)) * MINUTE;
  return time - (((local % unit) + unit) % unit);
}

/** The local midnight starting the day that holds `time`, `days` days later. */
function localMidnight(time: number, timeZone: string, days = 0): number {
  const local = new TZDate(time, timeZone);
  return new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() + days,
    timeZone,
  ).getTime();
}

/**
 * Bucket start times covering [from, to), plus the end of the last bucket.
 *
 * Boundaries are computed once per range, not per record: a day bucket runs
 * from local midnight to local midnight (23 or 25 hours on DST days); hour and
 * quarter-hour buckets start on the local wall clock, so in Asia/Kathmandu
 * (+05:45) a quarter starts at :00, :15, :30 and :45 local time.
 */
export function bucketBoundaries(
  width: BucketWidth,
  from: number,
  to: number,
  timeZone: string,
): number[] {
  const boundaries: number[] = [];
  const unit = width === '15m' ? 15 * MINUTE : HOUR;
  let start = width === 'day' ? localMidnight(from, timeZone) : floorToClock(from, unit, timeZone);
  boundaries.push(start);
  while (start < to) {
    const next =
      width === 'day'
        ? localMidnight(start + DAY / 2, timeZone, 1)
        : floorToClock(start + unit, unit, timeZone);
    // A zone change mid-bucket could round back; never let a bucket be empty.
    start = next > start ? next : start + unit;
    boundaries.push(start);
    if (boundaries.length > MAX_BUCKETS + 1) {
      throw new OpsdeskError(
        'invalid-request',
        `That time range needs more than ${MAX_BUCKETS} bars of ${width}; pick a wider bucket.`,
      );
    }
  }
  return boundaries;
}

/**
 * Counts times per bucket and level; `boundaries` from bucketBoundaries.
 * `each` calls its visitor with the time and level code of every event.
 */
export function countBuckets(
  boundaries: number[],
  each: (visit: (time: number, levelCode: number) => void) => void,
): HistogramBucket[] {
  const bucketCount = boundaries.length - 1;
  const levels = LOG_LEVELS.length;
  const counts = new Uint32Array(Math.max(0, bucketCount) * levels);
  const first = boundaries[0];
  const last = boundaries[bucketCount];

  each((time, levelCode) => {
    if (!(time >= first && time < last)) return;
    let low = 0;
    let high = bucketCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (boundaries[middle] <= time) low = middle;
      else high = middle - 1;
    }
    counts[low * levels + levelCode] += 1;
  });

  const buckets: HistogramBucket[] = [];
  for (let index = 0; index < bucketCount; index += 1) {
    const perLevel = {} as Record<LogLevel, number>;
    LOG_LEVELS.forEach((level, code) => (perLevel[level] = counts[index * levels + code]));
    buckets.push({ start: boundaries[index], end: boundaries[index + 1], counts: perLevel });
  }
  return buckets;
}
