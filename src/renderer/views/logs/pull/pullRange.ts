import { fromDateTimeLocal } from '../model/timeFormat';

/** The ranges the pull form offers, counted back from now; `custom` uses two inputs. */
export const PULL_RANGES = ['1h', '6h', '24h', '7d', 'custom'] as const;

/** A range choice of the pull form. */
export type PullRangeChoice = (typeof PULL_RANGES)[number];

/** What each choice is called in the form. */
export const PULL_RANGE_LABELS: Record<PullRangeChoice, string> = {
  '1h': 'Last hour',
  '6h': 'Last 6 h',
  '24h': 'Last 24 h',
  '7d': 'Last 7 days',
  custom: 'From … to …',
};

const HOUR = 3_600_000;
const LENGTH: Record<Exclude<PullRangeChoice, 'custom'>, number> = {
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
};

/**
 * The epoch-ms range a choice stands for: relative ones end now (a pull is
 * about the live account, unlike a search, which counts back from the newest
 * event); custom ones read the inputs in the user's time zone.
 */
export function resolvePullRange(
  choice: PullRangeChoice,
  custom: { from: string; to: string },
  now: number,
  timeZone: string,
): { from: number; to: number } | { problem: string } {
  if (choice !== 'custom') return { from: now - LENGTH[choice], to: now };
  const from = fromDateTimeLocal(custom.from, timeZone);
  const to = fromDateTimeLocal(custom.to, timeZone) ?? now;
  if (from === undefined) return { problem: 'Give the start of the range.' };
  if (from >= to) return { problem: 'The range must end after it starts.' };
  return { from, to };
}
