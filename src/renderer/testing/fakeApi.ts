import { vi } from 'vitest';
import type { OpsdeskBridge } from '../../shared/ipc/api';
import type { LoadProgress, LogLevel, LogRow, LogSource } from '../../shared/logs';
import type { Failure, Result } from '../../shared/result';

/** A successful result, resolved. */
export const answer = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

/** A failed result, resolved. */
export const refuse = (error: Failure): Promise<Result<never>> =>
  Promise.resolve({ ok: false, error });

/** A promise the test resolves when it chooses, to put answers out of order. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A result row with the given id, newest-first times counting down from a base. */
export function logRow(id: number, level: LogLevel = 'info'): LogRow {
  return {
    id,
    time: 1_774_800_000_000 - id * 1000,
    level,
    sourceId: 's1',
    message: `event ${id}`,
    fields: { status: 200 },
  };
}

/** A loaded source. */
export function logSource(sourceId: string, extra: Partial<LogSource> = {}): LogSource {
  return {
    sourceId,
    name: `${sourceId}.log`,
    path: `/logs/${sourceId}.log`,
    format: 'plain',
    sizeBytes: 1000,
    state: 'ready',
    records: 10,
    ...extra,
  };
}

/**
 * A fake of the renderer's API: every call is a spy answering an empty
 * success, so a test states only the answers it is about. `emitProgress`
 * plays the main process sending a progress event.
 */
export function createFakeApi() {
  const progressListeners = new Set<(progress: LoadProgress) => void>();
  const api = {
    app: {
      info: vi.fn(() => answer({ mode: 'browser' as const, version: '0.1.0', platform: 'linux' })),
      log: vi.fn(() => answer(null)),
    },
    logs: {
      open: vi.fn((_request?: { paths: string[] }) => answer<LogSource[]>([])),
      sources: vi.fn(() => answer<LogSource[]>([])),
      close: vi.fn((_request?: { sourceId: string }) => answer(null)),
      search: vi.fn((request?: { offset?: number }) =>
        answer({ total: 0, offset: request?.offset ?? 0, rows: [] as LogRow[], tookMs: 1 }),
      ),
      histogram: vi.fn((_request?: unknown) =>
        answer({
          bucket: 'hour' as const,
          timeZone: 'Europe/Berlin',
          buckets: [],
          total: 0,
          untimed: 0,
          tookMs: 1,
        }),
      ),
      record: vi.fn((request?: { id: number }) =>
        answer({
          ...logRow(request?.id ?? 0),
          raw: `raw ${request?.id}`,
          sourceName: 's1.log',
          format: 'plain',
          lineNumber: 1,
        }),
      ),
      fields: vi.fn(() => answer([])),
      onProgress: vi.fn((listener: (progress: LoadProgress) => void) => {
        progressListeners.add(listener);
        return () => progressListeners.delete(listener);
      }),
    },
    files: {
      pathsOf: vi.fn((files: File[]) => answer(files.map((file) => `/uploads/${file.name}`))),
    },
  };

  return {
    api,
    bridge: api as unknown as OpsdeskBridge,
    emitProgress: (progress: LoadProgress) => progressListeners.forEach((l) => l(progress)),
    listening: () => progressListeners.size,
  };
}
