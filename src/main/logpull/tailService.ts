import { randomUUID } from 'node:crypto';
import type { TailLine, TailLines, TailRequest } from '../../shared/ipc/channels/logpull';
import type { EnvironmentService } from '../environments/environmentService';
import type { LogService } from '../logs/logService';
import { refuseUnlisted } from './groupAccess';
import { eventBytes } from './pulledEvent';
import { GroupParser } from './streamParser';
import { createLogger } from '../logger';
import { followLog } from './tail';

const log = createLogger('log-tail');

/** Live tails of log streams the user opened, their lines sent as events. */
export interface LogTailService {
  start(request: TailRequest): Promise<{ tailId: string }>;
  stop(tailId: string): Promise<boolean>;
  onLines(listener: (lines: TailLines) => void): () => void;
  dispose(): Promise<void>;
}

/**
 * Creates the tail service over the active environment's clients. With `logs`
 * given, followed events are also indexed, as a source per stream, so search
 * and the histogram see them as they arrive.
 */
export function createLogTailService(
  environments: Pick<EnvironmentService, 'current'>,
  logs?: Pick<LogService, 'ingestEvents'>,
  pollMs?: number,
): LogTailService {
  const tails = new Map<string, AbortController>();
  const listeners = new Set<(lines: TailLines) => void>();
  const send = (lines: TailLines) => listeners.forEach((listener) => listener(lines));

  return {
    async start(request) {
      const { environment, clients } = await environments.current();
      refuseUnlisted(environment, [request.logGroup]);
      const tailId = randomUUID();
      const controller = new AbortController();
      tails.set(tailId, controller);
      const base = { tailId, logGroup: request.logGroup, logStream: request.logStream };
      const parser = new GroupParser(request.logGroup);
      const sourceKey = `${environment.name}:${request.logGroup}:${request.logStream}:live`;
      const index = async (lines: TailLine[]) => {
        if (!logs) return;
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
      const controller = tails.get(tailId);
      controller?.abort();
      tails.delete(tailId);
      return controller !== undefined;
    },

    onLines(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async dispose() {
      for (const controller of tails.values()) controller.abort();
      tails.clear();
      listeners.clear();
    },
  };
}
