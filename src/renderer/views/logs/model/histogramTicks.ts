import { TZDate } from '@date-fns/tz';
import type { BucketWidth } from '../../../../shared/logs';

type TickRule = (local: TZDate) => boolean;

const HOUR_RULES: TickRule[] = [1, 2, 3, 6, 12, 24].map(
  (step) => (local) => local.getMinutes() === 0 && local.getHours() % step === 0,
);

// Days of the month up to a fortnight, then whole months: a 28-day step would
// label both the 1st and the 29th and the two labels would collide.
const DAY_RULES: TickRule[] = [
  ...[1, 2, 7, 14].map((step) => (local: TZDate) => (local.getDate() - 1) % step === 0),
  ...[1, 2, 3, 6, 12].map(
    (months) => (local: TZDate) => local.getDate() === 1 && local.getMonth() % months === 0,
  ),
];

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
  const rules = bucket === 'day' ? DAY_RULES : HOUR_RULES;
  const locals = starts.map((start) => new TZDate(start, timeZone));
  let ticks: number[] = [];
  for (const rule of rules) {
    ticks = starts.filter((_, index) => rule(locals[index]));
    if (ticks.length <= maxTicks) return ticks;
  }
  // Beyond the largest step, thin evenly rather than leave labels to overlap.
  const every = Math.ceil(ticks.length / maxTicks);
  return ticks.filter((_, index) => index % every === 0);
}
