import type { LogsOperations } from '../../aws';
import type { RunLogLine } from '../../../shared/workflows';
import type { Pacing } from './pacing';

/** Which log a run writes to: a group, and the stream when it is known. */
export interface RunLogLocation {
  logGroupName: string;
  /** One stream (an ECS task's); absent for a function, whose stream is per invocation. */
  logStreamName?: string;
  /** Reads events from this time on. */
  startTime: number;
}

/** A running tail; `stop` reads what is left once more, then ends. */
export interface LogTail {
  stop(): Promise<void>;
}

/**
 * Follows a run's log live: polls FilterLogEvents from the newest time seen,
 * and drops events already delivered by their event id.
 *
 * A stream that does not exist yet (a task still provisioning) is not an
 * error: the tail keeps asking until it appears.
 */
export function tailRunLog(
  logs: Pick<LogsOperations, 'filterLogEventPages'>,
  location: RunLogLocation,
  pacing: Pacing,
  onLines: (lines: RunLogLine[]) => void,
): LogTail {
  const controller = new AbortController();
  const seen = new Set<string>();
  let from = location.startTime;

  const readNewLines = async (signal?: AbortSignal) => {
    const pages = logs.filterLogEventPages(
      {
        logGroupName: location.logGroupName,
        startTime: from,
        ...(location.logStreamName ? { logStreamNames: [location.logStreamName] } : {}),
      },
      signal ? { signal } : undefined,
    );
    const lines: RunLogLine[] = [];
    for await (const page of pages) {
      for (const event of page.events ?? []) {
        const id = event.eventId ?? `${event.logStreamName}/${event.timestamp}/${event.message}`;
        if (seen.has(id)) continue;
        seen.add(id);
        lines.push({ time: event.timestamp ?? 0, message: (event.message ?? '').trimEnd() });
      }
    }
    if (lines.length === 0) return;
    lines.sort((a, b) => a.time - b.time);
    // Ask again from the newest time seen: events of that millisecond are in `seen`.
    from = Math.max(from, lines[lines.length - 1].time);
    onLines(lines);
  };

  const loop = (async () => {
    while (!controller.signal.aborted) {
      await readNewLines(controller.signal).catch(() => undefined);
      await pacing.sleep(pacing.pollMs, controller.signal).catch(() => undefined);
    }
  })();

  return {
    async stop() {
      controller.abort();
      await loop;
      // The last lines (a task's result line) may land just before it stops.
      await readNewLines().catch(() => undefined);
    },
  };
}
