import type { RecordSet } from './bitset';
import type { RecordStore } from './store/recordStore';

/**
 * Record ids in the order results are shown: newest first; among equal times
 * the later record first (so a log read bottom-up stays in order); records
 * without a time last, in load order.
 *
 * Kept up to date lazily: records appended since the last call are sorted on
 * their own and merged in. A log is mostly in time order already, which the
 * sort (a merge sort that finds runs) handles in one linear pass.
 */
export class TimeOrder {
  private timed: Uint32Array = new Uint32Array(0);
  private untimed = new Uint32Array(0);
  private untimedCount = 0;
  private sortedUpTo = 0;

  constructor(private readonly store: RecordStore) {}

  /** Brings the order up to date with the store. */
  refresh(): void {
    const { size, time } = this.store;
    if (this.sortedUpTo === size) return;

    const fresh: number[] = [];
    const freshUntimed: number[] = [];
    for (let id = this.sortedUpTo; id < size; id += 1) {
      (Number.isNaN(time[id]) ? freshUntimed : fresh).push(id);
    }
    fresh.sort((a, b) => time[b] - time[a] || b - a);
    this.timed = mergeNewestFirst(this.timed, fresh, time);

    if (this.untimedCount + freshUntimed.length > this.untimed.length) {
      const grown = new Uint32Array(Math.max(1024, (this.untimedCount + freshUntimed.length) * 2));
      grown.set(this.untimed.subarray(0, this.untimedCount));
      this.untimed = grown;
    }
    this.untimed.set(freshUntimed, this.untimedCount);
    this.untimedCount += freshUntimed.length;
    this.sortedUpTo = size;
  }

  /**
   * Calls `visit` with the ids of `matches` in display order, restricted to
   * times in [from, to) when either is given (untimed records then never
   * qualify); stops early when `visit` returns false.
   */
  forEachInOrder(
    matches: RecordSet,
    range: { from?: number; to?: number },
    visit: (id: number) => boolean,
  ): void {
    this.refresh();
    const [start, end] = this.timedSlice(range);
    for (let index = start; index < end; index += 1) {
      const id = this.timed[index];
      if (matches.has(id) && !visit(id)) return;
    }
    if (range.from !== undefined || range.to !== undefined) return;
    for (let index = 0; index < this.untimedCount; index += 1) {
      const id = this.untimed[index];
      if (matches.has(id) && !visit(id)) return;
    }
  }

  /** Positions in the timed order holding times in [from, to). */
  private timedSlice(range: { from?: number; to?: number }): [number, number] {
    const time = this.store.time;
    // The order is by time descending: times >= to come first, then the range.
    const start = range.to === undefined ? 0 : this.firstWhere((t) => t < range.to!, time);
    const end =
      range.from === undefined ? this.timed.length : this.firstWhere((t) => t < range.from!, time);
    return [start, Math.max(start, end)];
  }

  /** First position whose time satisfies `below`, which holds for a suffix. */
  private firstWhere(below: (time: number) => boolean, time: Float64Array): number {
    let low = 0;
    let high = this.timed.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (below(time[this.timed[middle]])) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

function mergeNewestFirst(sorted: Uint32Array, fresh: number[], time: Float64Array): Uint32Array {
  if (fresh.length === 0) return sorted;
  const merged = new Uint32Array(sorted.length + fresh.length);
  let i = 0;
  let j = 0;
  let out = 0;
  while (i < sorted.length && j < fresh.length) {
    const a = sorted[i];
    const b = fresh[j];
    // Fresh ids are all larger, so on equal times the fresh record goes first.
    if (time[a] > time[b]) merged[out++] = sorted[i++];
    else merged[out++] = fresh[j++];
  }
  while (i < sorted.length) merged[out++] = sorted[i++];
  while (j < fresh.length) merged[out++] = fresh[j++];
  return merged;
}
