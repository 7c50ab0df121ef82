const counts = new Intl.NumberFormat('en-US');

/**
 * A count with its noun in the right number: `1 event`, `2,310 events`,
 * `0 entries`. The plural is the noun plus `s` unless given.
 */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${counts.format(count)} ${count === 1 ? noun : plural}`;
}
