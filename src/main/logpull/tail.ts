import type { FilteredLogEvent, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { TailLine } from '../../shared/ipc/channels/logpull';
import { sleepUnlessAborted } from '../aws/awsCall';
import type { LogsOperations } from '../aws/logs';

/** How long a tail waits between looks for new events. */
export const TAIL_POLL_MS = 1000;
/** Without a start time a tail shows the last few minutes first. */
const DEFAULT_LOOKBACK_MS = 5 * 60_000;
/**
 * How far back a group is read again on each look. A group's streams are
 * written independently, so an event can arrive after a newer one of another
 * stream was already shown; one stream is written in order and needs none.
 */
const GROUP_SETTLE_MS = 10_000;

/** What following a log live needs. */
export interface FollowLogOptions {
  logs: Pick<LogsOperations, 'logStreamPages' | 'filterLogEventPages'>;
  logGroup: string;
  /** One stream (GetLogEvents); without it the whole group is followed (FilterLogEvents). */
  logStream?: string;
  /** Epoch ms to start from; by default five minutes ago. */
  from?: number;
  signal: AbortSignal;
  /** Told about new events in order; an empty look tells nothing. */
  onLines(lines: TailLine[]): void | Promise<void>;
  /**
   * Keeps looking after a failed read instead of ending with its error: a
   * task's stream does not exist until the task starts writing to it.
   */
  keepTrying?: boolean;
  pollMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** An event as either read gives it: FilterLogEvents adds its stream and id. */
type LogEvent = OutputLogEvent & Pick<FilteredLogEvent, 'logStreamName' | 'eventId'>;

/**
 * Follows one stream or a whole group until the signal aborts, then reads
 * once more: the last lines (a task's result line) may land just before the
 * caller stops. Each look asks from the newest timestamp seen and skips the
 * events already shown. Used by the Logs view and by workflow runs.
 */
export async function followLog(options: FollowLogOptions): Promise<void> {
  const sleep = options.sleep ?? sleepUnlessAborted;
  const now = options.now ?? Date.now;
  const from = options.from ?? now() - DEFAULT_LOOKBACK_MS;
  const settleMs = options.logStream ? 0 : GROUP_SETTLE_MS;
  let newest = from;
  // Keys of the events shown at or after the start of the next look, with their timestamps.
  let shown = new Map<string, number>();

  const readNewLines = async (signal?: AbortSignal) => {
    const startTime = Math.max(from, newest - settleMs);
    const seen = new Map([...shown].filter(([, timestamp]) => timestamp >= startTime));
    const repeats = new Map<string, number>();
    const lines: TailLine[] = [];
    for await (const event of readEvents(options, startTime, signal)) {
      const key = eventKey(event, repeats);
      if (seen.has(key)) continue;
      const line = { timestamp: event.timestamp ?? 0, message: event.message ?? '' };
      seen.set(key, line.timestamp);
      lines.push(line);
    }
    shown = seen;
    if (lines.length === 0) return;
    newest = lines.reduce((max, line) => Math.max(max, line.timestamp), newest);
    await options.onLines(lines);
  };

  while (!options.signal.aborted) {
    try {
      await readNewLines(options.signal);
    } catch (error) {
      // Stopping while a read is under way is the normal end of a tail.
      if (options.signal.aborted) break;
      if (!options.keepTrying) throw error;
    }
    try {
      await sleep(options.pollMs ?? TAIL_POLL_MS, options.signal);
    } catch {
      break;
    }
  }
  await readNewLines().catch(() => undefined);
}

/** A tail running in the background. */
export interface LogTail {
  /** Stops following after one more read; resolves when that read is done. */
  stop(): Promise<void>;
}

/**
 * Starts following a log in the background, for callers that stop it when
 * their work ends (a workflow run). Failed reads are retried until then.
 */
export function startLogTail(options: Omit<FollowLogOptions, 'signal' | 'keepTrying'>): LogTail {
  const controller = new AbortController();
  const following = followLog({ ...options, keepTrying: true, signal: controller.signal });
  return {
    async stop() {
      controller.abort();
      await following;
    },
  };
}

/** One stream's events in order, or a group's events across its streams. */
async function* readEvents(
  options: FollowLogOptions,
  startTime: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<LogEvent> {
  const callOptions = signal ? { signal } : undefined;
  const pages = options.logStream
    ? options.logs.logStreamPages(
        { logGroupName: options.logGroup, logStreamName: options.logStream, startTime },
        callOptions,
      )
    : options.logs.filterLogEventPages({ logGroupName: options.logGroup, startTime }, callOptions);
  for await (const page of pages) yield* page.events ?? [];
}

/**
 * What tells an event from the others: its id when CloudWatch gives one
 * (FilterLogEvents). GetLogEvents has no ids, so an event is its stream,
 * timestamp and message, counted: the same line twice in a millisecond is
 * two events, met in the same order on every read.
 */
function eventKey(event: LogEvent, repeats: Map<string, number>): string {
  if (event.eventId) return event.eventId;
  const content = `${event.logStreamName ?? ''}\n${event.timestamp ?? 0}\n${event.message ?? ''}`;
  const repeat = repeats.get(content) ?? 0;
  repeats.set(content, repeat + 1);
  return `${repeat}\n${content}`;
}
