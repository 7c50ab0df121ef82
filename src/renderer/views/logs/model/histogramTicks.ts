import { TZDate } from '@date-fns/tz';
import type { BucketWidth } from '../../../../shared/logs';

const HOUR_STEPS = [1, 2, 3, 6, 12, 24];
const DAY_STEPS = [1, 2, 7, 14, 28];

function isTick(start: number, bucket: BucketWidth, step: number, timeZone: string): boolean {
  const local = new TZDate(start, timeZone);
  if (bucket === 'day') return (local.getDate() - 1) % step === 0;
  return local.getMinutes() === 0 && local.getHours() % step === 0;
}

/**
 * Picks the bucket starts to label on the time axis: round local hours (or
 * days) at the smallest step that keeps at most `maxTicks` labels.
 *
 * Ticks on round hours always include local midnight, where the label turns
 * into the date, so a multi-day chart says which day is which.
 */
export function histogramTicks(
  starts: number[],
  bucket: BucketWidth,
  timeZone: string,
  maxTicks = 12,
): number[] {
  const steps = bucket === 'day' ? DAY_STEPS : HOUR_STEPS;
  let ticks: number[] = [];
  for (const step of steps) {
    ticks = starts.filter((start) => isTick(start, bucket, step, timeZone));
    if (ticks.length <= maxTicks) return ticks;
  }
  // Beyond the largest step, thin evenly rather than leave labels to overlap.
  const every = Math.ceil(ticks.length / maxTicks);
  return ticks.filter((_, index) => index % every === 0);
}
