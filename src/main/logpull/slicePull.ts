import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperations } from '../aws/logs';
import type { PulledEvent } from './pulledEvent';
import { RecentIds } from './recentIds';
import type { TimeRange } from './timeRanges';
import type { TokenBucket } from './tokenBucket';
import type { SegmentTail } from './pullStore';

/** Restarts of one slice after expired tokens, beyond which the pull gives up. */
const MAX_RESTARTS = 50;

/** One slice of a pull: a time range of one group, read page by page to the end. */
export interface SliceRequest {
  logs: LogsOperations;
  logGroup: string;
  range: TimeRange;
  filterPattern?: string;
  logStreamNames?: string[];
  /** The quota shared by every slice of the pull. */
  bucket: TokenBucket;
  signal: AbortSignal;
  /** Where an interrupted run of this slice stopped. */
  resumeFrom?: SegmentTail;
  /** Ids already pulled near the slice's start, e.g. before a refresh's overlap. */
  knownIds?: readonly string[];
  /** Told about each page's new events, in order; the next page waits for it. */
  onPage(events: PulledEvent[], duplicates: number): Promise<void>;
  onThrottled(message: string): void;
}

/** What reading a slice took. */
export interface SliceOutcome {
  pages: number;
  /** Times the slice started again from its last timestamp after a token expired. */
  restarts: number;
}

/**
 * Reads one slice to its end: every page, empty ones included, each after a
 * token from the shared bucket. An expired next token restarts the slice
 * from the newest timestamp seen; events seen before are dropped by id.
 */
export async function pullSlice(request: SliceRequest): Promise<SliceOutcome> {
  const seen = new RecentIds();
  let startTime = request.range.from;
  for (const id of request.knownIds ?? []) seen.add(id, startTime);
  if (request.resumeFrom) {
    startTime = request.resumeFrom.lastTimestamp;
    for (const id of request.resumeFrom.idsAtLast) seen.add(id, startTime);
  }
  let newest = startTime;
  let pages = 0;
  let restarts = 0;

  for (;;) {
    // The generator is its own iterator: each `next` sends one request.
    const iterator = request.logs.filterLogEventPages(
      {
        logGroupName: request.logGroup,
        startTime,
        // CloudWatch's end time is inclusive; slices are half-open.
        endTime: request.range.to - 1,
        ...(request.filterPattern ? { filterPattern: request.filterPattern } : {}),
        ...(request.logStreamNames ? { logStreamNames: request.logStreamNames } : {}),
      },
      {
        signal: request.signal,
        onThrottled: (message) => {
          request.bucket.drain();
          request.onThrottled(message);
        },
      },
    );
    try {
      for (;;) {
        await request.bucket.take(request.signal);
        const next = await iterator.next();
        if (next.done) return { pages, restarts };
        pages += 1;

        const fresh: PulledEvent[] = [];
        let duplicates = 0;
        for (const raw of next.value.events ?? []) {
          const event = toPulledEvent(raw);
          if (!seen.add(event.eventId, event.timestamp)) duplicates += 1;
          else {
            fresh.push(event);
            if (event.timestamp > newest) newest = event.timestamp;
          }
        }
        await request.onPage(fresh, duplicates);
      }
    } catch (error) {
      if (!isExpiredToken(error) || restarts >= MAX_RESTARTS) throw error;
      restarts += 1;
      startTime = newest;
    } finally {
      await iterator.return?.(undefined);
    }
  }
}

/** Whether CloudWatch refused a next token because it is too old to continue from. */
export function isExpiredToken(error: unknown): boolean {
  const message = (error as Error | undefined)?.message ?? '';
  return /next ?token.*(expired|is no longer valid)/i.test(message);
}

function toPulledEvent(raw: FilteredLogEvent): PulledEvent {
  const logStreamName = raw.logStreamName ?? '';
  const timestamp = raw.timestamp ?? 0;
  const message = raw.message ?? '';
  return {
    logStreamName,
    timestamp,
    message,
    eventId:
      raw.eventId ?? `${logStreamName}/${timestamp}/${message.length}/${message.slice(0, 64)}`,
  };
}
