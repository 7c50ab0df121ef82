import type { TailLine } from '../../shared/ipc/channels/logpull';
import { sleepUnlessAborted } from '../aws/awsCall';
import type { LogsOperations } from '../aws/logs';

/** How long a tail waits between looks for new events. */
export const TAIL_POLL_MS = 1000;
/** Without a start time a tail shows the last few minutes first. */
const DEFAULT_LOOKBACK_MS = 5 * 60_000;

/** What following one log stream needs. */
export interface FollowStreamOptions {
  logs: LogsOperations;
  logGroup: string;
  logStream: string;
  /** Epoch ms to start from; by default five minutes ago. */
  from?: number;
  signal: AbortSignal;
  /** Told about new events in order; an empty poll tells nothing. */
  onLines(lines: TailLine[]): void | Promise<void>;
  pollMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/**
 * Follows one log stream until the signal aborts: reads it forward with
 * GetLogEvents to the end, waits, and reads on from the newest timestamp.
 * Events at that timestamp already shown are skipped, since GetLogEvents
 * has no event ids. Used by the Logs view and by workflow runs.
 */
export async function followStream(options: FollowStreamOptions): Promise<void> {
  const sleep = options.sleep ?? sleepUnlessAborted;
  const now = options.now ?? Date.now;
  let startTime = options.from ?? now() - DEFAULT_LOOKBACK_MS;
  let shownAtStart = new Map<string, number>();

  while (!options.signal.aborted) {
    const lines: TailLine[] = [];
    const skip = new Map(shownAtStart);
    try {
      for await (const page of options.logs.logStreamPages(
        { logGroupName: options.logGroup, logStreamName: options.logStream, startTime },
        { signal: options.signal },
      )) {
        for (const event of page.events ?? []) {
          const line = { timestamp: event.timestamp ?? 0, message: event.message ?? '' };
          if (line.timestamp === startTime && (skip.get(line.message) ?? 0) > 0) {
            skip.set(line.message, skip.get(line.message)! - 1);
            continue;
          }
          lines.push(line);
        }
      }
    } catch (error) {
      // Stopping while a read is under way is the normal end of a tail.
      if (options.signal.aborted) return;
      throw error;
    }

    if (lines.length > 0) {
      const newest = lines[lines.length - 1].timestamp;
      const atNewest = new Map<string, number>(newest === startTime ? shownAtStart : []);
      for (const line of lines) {
        if (line.timestamp === newest)
          atNewest.set(line.message, (atNewest.get(line.message) ?? 0) + 1);
      }
      startTime = newest;
      shownAtStart = atNewest;
      await options.onLines(lines);
    }
    try {
      await sleep(options.pollMs ?? TAIL_POLL_MS, options.signal);
    } catch {
      return;
    }
  }
}
