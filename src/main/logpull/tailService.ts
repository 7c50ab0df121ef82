import { randomUUID } from 'node:crypto';
import type { TailLine, TailLines, TailRequest } from '../../shared/ipc/channels/logpull';
import type { EnvironmentService } from '../environments/environmentService';
import type { LogService } from '../logs/logService';
import { refuseUnlisted } from './groupAccess';
import { eventBytes } from './pulledEvent';
import { liveSourceKey } from './sourceKeys';
import { GroupParser } from './streamParser';
import { createLogger } from '../logger';
import { followLog } from './tail';

const log = createLogger('log-tail');

/** Why a tail stopped when the environment was switched. */
export const LEFT_ENVIRONMENT = 'the environment was switched.';

/** Live tails of log streams the user opened, their lines sent as events. */
export interface LogTailService {
  start(request: TailRequest): Promise<{ tailId: string }>;
  stop(tailId: string): Promise<boolean>;
  onLines(listener: (lines: TailLines) => void): () => void;
  dispose(): Promise<void>;
}

/** A running tail: how to stop it, and the environment it reads. */
interface RunningTail {
  controller: AbortController;
  environment: string;
  /** Set when its environment was left: nothing more of it goes into the index. */
  discarded: boolean;
}

/**
 * Creates the tail service over the active environment's clients. With `logs`
 * given, followed events are also indexed, as a source per stream, so search
 * and the histogram see them as they arrive. With `onChanged` given, a switch
 * of environment stops the tails of the one left; their live sources are
 * dropped from the index by the pulled sources.
 */
export function createLogTailService(
  environments: Pick<EnvironmentService, 'current'> &
    Partial<Pick<EnvironmentService, 'onChanged'>>,
  logs?: Pick<LogService, 'ingestEvents'>,
  pollMs?: number,
): LogTailService {
  const tails = new Map<string, RunningTail>();
  const listeners = new Set<(lines: TailLines) => void>();
  const send = (lines: TailLines) => listeners.forEach((listener) => listener(lines));
  const stopFollowing = environments.onChanged?.((info) => {
    for (const [tailId, tail] of tails) {
      if (tail.environment === info.name) continue;
      // Marked before the abort, so the tail's last read and its end stay out of the index.
      tail.discarded = true;
      tail.controller.abort();
      tails.delete(tailId);
    }
  });

  return {
    async start(request) {
      const { environment, clients } = await environments.current();
      refuseUnlisted(environment, [request.logGroup]);
      const tailId = randomUUID();
      const controller = new AbortController();
      const tail: RunningTail = { controller, environment: environment.name, discarded: false };
      tails.set(tailId, tail);
      const base = { tailId, logGroup: request.logGroup, logStream: request.logStream };
      const parser = new GroupParser(request.logGroup);
      const sourceKey = liveSourceKey(environment.name, request.logGroup, request.logStream);
      const index = async (lines: TailLine[]) => {
        if (!logs || tail.discarded) return;
        // Each poll is parsed on its own: an event must not wait for the next poll to show.
        const run = parser.run();
        const pulled = lines.map((line, at) => ({
          ...line,
          logStreamName: request.logStream,
          eventId: `${line.timestamp}/${at}`,
        }));
        const events = [...run.push(pulled), ...run.end()];
        const bytes = lines.reduce((sum, line) => sum + eventBytes(line.message), 0);
        const name = `${request.logStream} (live)`;
        await logs.ingestEvents({
          sourceKey,
          name,
          format: parser.format(),
          events,
          bytes,
          done: false,
        });
      };
      followLog({
        logs: clients.logs,
        logGroup: request.logGroup,
        logStream: request.logStream,
        from: request.from,
        signal: controller.signal,
        pollMs,
        onLines: async (lines) => {
          if (tail.discarded) return;
          send({ ...base, lines });
          await index(lines);
        },
      })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          const message = error instanceof Error ? error.message : String(error);
          log.warn(`tail of ${request.logGroup} ${request.logStream} stopped`, message);
          send({ ...base, lines: [], stopped: message });
        })
        .finally(() => {
          tails.delete(tailId);
          if (tail.discarded) return send({ ...base, lines: [], stopped: LEFT_ENVIRONMENT });
          // The live source stops loading when its tail stops.
          const name = `${request.logStream} (live)`;
          void logs
            ?.ingestEvents({
              sourceKey,
              name,
              format: parser.format(),
              events: [],
              bytes: 0,
              done: true,
            })
            .catch(() => undefined);
        });
      return { tailId };
    },

    async stop(tailId) {
      const tail = tails.get(tailId);
      tail?.controller.abort();
      tails.delete(tailId);
      return tail !== undefined;
    },

    onLines(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async dispose() {
      stopFollowing?.();
      for (const tail of tails.values()) tail.controller.abort();
      tails.clear();
      listeners.clear();
    },
  };
}
