/** A half-open time range [from, to) in epoch milliseconds. */
export interface TimeRange {
  from: number;
  to: number;
}

/** Ranges shorter than this are not split further: a page costs the same for one event or 10,000. */
const MIN_SLICE_MS = 60_000;

/**
 * Splits a range into at most `count` equal slices, so that several pages can
 * be fetched at once; slices touch but do not overlap.
 */
export function splitRange(range: TimeRange, count: number): TimeRange[] {
  const length = range.to - range.from;
  if (length <= 0) return [];
  const slices = Math.max(1, Math.min(Math.floor(count), Math.floor(length / MIN_SLICE_MS)));
  const width = Math.ceil(length / slices);
  const result: TimeRange[] = [];
  for (let from = range.from; from < range.to; from += width) {
    result.push({ from, to: Math.min(range.to, from + width) });
  }
  return result;
}

/** Joins overlapping or touching ranges and sorts them. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((range) => range.to > range.from).sort((a, b) => a.from - b.from);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/** The parts of `range` that none of `covered` includes. */
export function subtractRanges(range: TimeRange, covered: readonly TimeRange[]): TimeRange[] {
  const gaps: TimeRange[] = [];
  let from = range.from;
  for (const done of mergeRanges(covered)) {
    if (done.to <= from) continue;
    if (done.from >= range.to) break;
    if (done.from > from) gaps.push({ from, to: done.from });
    from = Math.max(from, done.to);
  }
  if (from < range.to) gaps.push({ from, to: range.to });
  return gaps;
}

/** Milliseconds the ranges span together. */
export function totalLength(ranges: readonly TimeRange[]): number {
  return ranges.reduce((sum, range) => sum + Math.max(0, range.to - range.from), 0);
}
