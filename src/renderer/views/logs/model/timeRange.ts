/** Relative ranges the user can pick, each counted back from the newest event. */
export const RANGE_PRESETS = ['15m', '1h', '24h', '7d'] as const;

/** A relative range preset. */
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Where the current time range came from, which decides how it is shown. */
export type RangeOrigin = 'all' | 'preset' | 'custom' | 'histogram';

/** The time range a search is limited to: `from` inclusive, `to` exclusive, epoch ms. */
export interface TimeRange {
  origin: RangeOrigin;
  from?: number;
  to?: number;
  preset?: RangePreset;
}

/** No limit: every event, with or without a time. */
export const ALL_TIME: TimeRange = { origin: 'all' };

const MINUTE = 60_000;

const PRESET_LENGTH: Record<RangePreset, number> = {
  '15m': 15 * MINUTE,
  '1h': 60 * MINUTE,
  '24h': 24 * 60 * MINUTE,
  '7d': 7 * 24 * 60 * MINUTE,
};

/** What each preset is called in the range selector. */
export const PRESET_LABELS: Record<RangePreset, string> = {
  '15m': 'Last 15 min',
  '1h': 'Last hour',
  '24h': 'Last 24 h',
  '7d': 'Last 7 days',
};

/**
 * The range a preset stands for, ending at the first whole minute after the
 * newest event.
 *
 * Log files are usually looked at after the fact, so "the last hour" means the
 * last hour of the logs, not of the wall clock. Whole minutes keep the range
 * readable in the minute-precise from/until inputs.
 */
export function presetRange(preset: RangePreset, newestEvent: number): TimeRange {
  const to = Math.ceil((newestEvent + 1) / MINUTE) * MINUTE;
  return { origin: 'preset', preset, from: to - PRESET_LENGTH[preset], to };
}

/** A custom range from the two inputs; an empty side leaves that side open. */
export function customRange(from: number | undefined, to: number | undefined): TimeRange {
  if (from === undefined && to === undefined) return ALL_TIME;
  if (from !== undefined && to !== undefined && to < from)
    return { origin: 'custom', from: to, to: from };
  return { origin: 'custom', from, to };
}

/** The range covering histogram buckets, from the first one's start to the last one's end. */
export function bucketsRange(buckets: { start: number; end: number }[]): TimeRange {
  if (buckets.length === 0) return ALL_TIME;
  const from = Math.min(...buckets.map((bucket) => bucket.start));
  const to = Math.max(...buckets.map((bucket) => bucket.end));
  return { origin: 'histogram', from, to };
}

/** Whether the range limits the search at all. */
export function isLimited(range: TimeRange): boolean {
  return range.from !== undefined || range.to !== undefined;
}
