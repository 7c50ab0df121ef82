const counts = new Intl.NumberFormat('en-US');

/** A count with thousands separators, e.g. `1,204,311`. */
export function formatCount(count: number): string {
  return counts.format(count);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** A file size in the largest unit that keeps it at or above 1, e.g. `113 MB`, `1.5 KB`, `1 MB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 || unit === 0 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${UNITS[unit]}`;
}

/** How long a query took, precise enough to compare: `0.4 ms`, `23 ms`, `1.2 s`. */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The note above an event's raw text when only its start was sent:
 * `Showing the first 1 MB of 50 MB`. The sizes count characters, which for
 * log text are bytes near enough.
 */
export function rawCutNote(shownChars: number, wholeChars: number): string {
  return `Showing the first ${formatBytes(shownChars)} of ${formatBytes(wholeChars)}`;
}
