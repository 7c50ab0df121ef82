import type { ParsedEvent } from '../../logparse';
import { OpsdeskError } from '../../shared/result';
import type { LogsOperations } from '../aws/logs';
import { eventBytes, type PulledEvent } from './pulledEvent';
import { segmentName, type GroupPullState, type PullStore, type SliceState } from './pullStore';
import { DISORDER_WINDOW_MS } from './recentIds';
import { pullSlice } from './slicePull';
import { GroupParser } from './streamParser';
import { mergeRanges, splitRange, subtractRanges, totalLength, type TimeRange } from './timeRanges';
import type { TokenBucket } from './tokenBucket';

/** A refresh starts this far before the last pull's end, for events CloudWatch received late. */
export const REFRESH_OVERLAP_MS = DISORDER_WINDOW_MS;

/** What one group's pull has done so far. */
export interface GroupPullCounts {
  events: number;
  bytes: number;
  duplicates: number;
  /** Milliseconds of the planned ranges already read, for the time left. */
  coveredMs: number;
  totalMs: number;
}

/** Everything a pull of one log group needs; the service fills it in. */
export interface GroupPullOptions {
  logs: LogsOperations;
  store: PullStore;
  environment: string;
  logGroup: string;
  /** A range to pull, or `refresh` for what is new since the last pull. */
  range: TimeRange | 'refresh';
  filterPattern?: string;
  logStreamNames?: string[];
  bucket: TokenBucket;
  /** Slices read at once. */
  concurrency: number;
  signal: AbortSignal;
  now: () => number;
  pullId: string;
  /** Hands parsed events to the local index, in the order of each slice. */
  ingest(format: string, events: ParsedEvent[], bytes: number): Promise<void>;
  onProgress(counts: GroupPullCounts): void;
  onThrottled(message: string): void;
}

/**
 * Pulls one log group into the store and the index: finishes an interrupted
 * pull first, then the parts of the range not pulled before, split into
 * slices read at once. State is written as slices finish, so a crash or a
 * dropped connection resumes without gaps or duplicates.
 */
export async function pullGroup(options: GroupPullOptions): Promise<GroupPullCounts> {
  const { store } = options;
  const state = await store.readState(options.environment, options.logGroup, options.filterPattern);
  const slices = planSlices(state, options);
  const counts: GroupPullCounts = {
    events: 0,
    bytes: 0,
    duplicates: 0,
    coveredMs: 0,
    totalMs: totalLength(slices),
  };
  if (slices.length === 0) return counts;

  state.unfinished = {
    pullId: state.unfinished?.pullId ?? options.pullId,
    slices,
    ...(options.logStreamNames ? { logStreamNames: options.logStreamNames } : {}),
  };
  let saving = store.writeState(state);
  const save = () => (saving = saving.then(() => store.writeState(state)));
  await saving;

  const parser = new GroupParser(options.logGroup);
  const newestEnd = Math.max(...slices.map((slice) => slice.to));
  const boundary = new Map<string, number>(state.boundaryEvents);
  const refreshIds = options.range === 'refresh' ? [...boundary.keys()] : [];

  const runSlice = async (slice: SliceState, signal: AbortSignal) => {
    const file = store.segmentPath(state, slice.segment);
    const resumeFrom = await store.readTail(file);
    const run = parser.run();
    let read = resumeFrom ? resumeFrom.lastTimestamp - slice.from : 0;
    counts.coveredMs += read;

    try {
      await pullSlice({
        logs: options.logs,
        logGroup: options.logGroup,
        range: slice,
        filterPattern: options.filterPattern,
        logStreamNames: state.unfinished?.logStreamNames,
        bucket: options.bucket,
        signal,
        resumeFrom,
        knownIds: refreshIds,
        onThrottled: options.onThrottled,
        onPage: async (events, duplicates) => {
          await store.appendEvents(file, events);
          const bytes = recordPage(events, counts, boundary, newestEnd);
          counts.duplicates += duplicates;
          const newest = events.reduce(
            (most, event) => Math.max(most, event.timestamp),
            slice.from,
          );
          const nowRead = Math.max(read, Math.min(slice.to, newest) - slice.from);
          counts.coveredMs += nowRead - read;
          read = nowRead;
          await options.ingest(parser.format(), run.push(events), bytes);
          options.onProgress({ ...counts });
        },
      });
    } finally {
      // Events held back for a continuation line are on disk already: a cancelled
      // or failed slice still hands them to the index, or it would stay short of disk.
      await options.ingest(parser.format(), run.end(), 0);
    }
    counts.coveredMs += slice.to - slice.from - read;
    slice.done = true;
    await save();
    options.onProgress({ ...counts });
  };

  await runPool(
    slices.filter((slice) => !slice.done),
    options.concurrency,
    options.signal,
    runSlice,
  );

  if (options.signal.aborted || slices.some((slice) => !slice.done)) {
    throw new OpsdeskError('cancelled', `The pull of ${options.logGroup} was cancelled.`);
  }
  state.covered = mergeRanges([...state.covered, ...slices]);
  const end = coveredEnd(state) ?? newestEnd;
  state.boundaryEvents = [...boundary].filter(([, at]) => at >= end - REFRESH_OVERLAP_MS);
  state.unfinished = undefined;
  await save();
  return counts;
}

/** The slices to read: an interrupted pull's unfinished ones, then new ones for the gaps. */
function planSlices(state: GroupPullState, options: GroupPullOptions): SliceState[] {
  const pending = state.unfinished?.slices.filter((slice) => !slice.done) ?? [];
  const now = options.now();
  let wanted: TimeRange[];
  if (options.range === 'refresh') {
    const end = coveredEnd(state);
    if (end === undefined && pending.length === 0) {
      throw new OpsdeskError(
        'invalid-request',
        `${options.logGroup} has not been pulled yet; pull a time range first.`,
      );
    }
    wanted = end === undefined ? [] : [{ from: Math.max(0, end - REFRESH_OVERLAP_MS), to: now }];
  } else {
    const range = { from: options.range.from, to: Math.min(options.range.to, now) };
    wanted = subtractRanges(range, [...state.covered, ...pending]);
  }

  const total = totalLength(wanted);
  const pullId = state.unfinished?.pullId ?? options.pullId;
  let index = state.unfinished?.slices.length ?? 0;
  const fresh = wanted.flatMap((gap) =>
    splitRange(gap, Math.max(1, Math.round((options.concurrency * (gap.to - gap.from)) / total))),
  );
  return [
    ...pending,
    ...fresh.map((range) => ({ ...range, segment: segmentName(pullId, index++), done: false })),
  ];
}

function coveredEnd(state: GroupPullState): number | undefined {
  return state.covered.length ? Math.max(...state.covered.map((range) => range.to)) : undefined;
}

/** Counts a page's events and keeps the ids a later refresh's overlap will meet again. */
function recordPage(
  events: readonly PulledEvent[],
  counts: GroupPullCounts,
  boundary: Map<string, number>,
  newestEnd: number,
): number {
  let bytes = 0;
  for (const event of events) {
    bytes += eventBytes(event.message);
    if (event.timestamp >= newestEnd - REFRESH_OVERLAP_MS)
      boundary.set(event.eventId, event.timestamp);
  }
  counts.events += events.length;
  counts.bytes += bytes;
  return bytes;
}

/**
 * Runs `work` over the items with at most `limit` at once. The first failure
 * stops the others, so a bad filter pattern does not leave slices running;
 * it is thrown once every slice has stopped, so none still writes to the
 * index after the pull has ended.
 */
async function runPool<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const both = AbortSignal.any([signal, stop.signal]);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    try {
      while (next < items.length && !both.aborted) await work(items[next++], both);
    } catch (error) {
      failure ??= { error };
      stop.abort();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
