import { vi } from 'vitest';
import type { LoadProgress, LogSource, SearchPage } from '../../src/shared/logs';
import type { LogService } from '../../src/main/logs/logService';
import type { EnvironmentService } from '../../src/main/environments/environmentService';
import type { Services } from '../../src/main/services';

/** A log source as the fake log service reports every opened path. */
export function fakeSource(path: string, index: number): LogSource {
  return {
    sourceId: `source-${index}`,
    name: path.split('/').pop() ?? path,
    path,
    format: 'plain',
    sizeBytes: 10,
    state: 'loading',
    records: 0,
  };
}

/** A LogService whose every method is a spy; `emitProgress` plays a load's progress. */
export interface FakeLogService extends LogService {
  emitProgress(progress: LoadProgress): void;
}

/** Creates a LogService fake with spies and simple in-memory answers. */
export function createFakeLogService(): FakeLogService {
  const progressListeners = new Set<(progress: LoadProgress) => void>();
  const opened: LogSource[] = [];
  const emptyPage: SearchPage = { total: 0, offset: 0, rows: [], tookMs: 0 };

  return {
    open: vi.fn(async (paths: string[]) => {
      const sources = paths.map((path, index) => fakeSource(path, opened.length + index));
      opened.push(...sources);
      return sources;
    }),
    sources: vi.fn(async () => [...opened]),
    close: vi.fn(async () => undefined),
    search: vi.fn(async () => emptyPage),
    histogram: vi.fn(async (request) => ({
      bucket: request.bucket === 'auto' ? 'hour' : request.bucket,
      timeZone: request.timeZone,
      buckets: [],
      total: 0,
      untimed: 0,
      tookMs: 0,
    })),
    record: vi.fn(async () => {
      throw new Error('no records in the fake');
    }),
    fields: vi.fn(async () => []),
    onProgress: vi.fn((listener: (progress: LoadProgress) => void) => {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    }),
    dispose: vi.fn(async () => undefined),
    emitProgress: (progress) => progressListeners.forEach((listener) => listener(progress)),
  };
}

/** Services around a fake log service, as the composition root would build them. */
export function createFakeServices(logs: FakeLogService = createFakeLogService()) {
  const services: Services & { logs: FakeLogService } = {
    appInfo: { mode: 'browser', version: '0.0.0-test', platform: 'linux' },
    environments: createFakeEnvironmentService(),
    logs,
    dispose: vi.fn(async () => undefined),
  };
  return services;
}

const SANDBOX_INFO = {
  name: 'sandbox',
  label: 'Sandbox',
  region: 'eu-west-1',
  readOnly: false,
  isSandbox: true,
};

/** An environment service that knows only the sandbox and never reaches AWS. */
export function createFakeEnvironmentService(): EnvironmentService {
  return {
    list: vi.fn(async () => ({ environments: [SANDBOX_INFO], active: 'sandbox', problems: [] })),
    current: vi.fn(async () => {
      throw new Error('no AWS clients in the fake');
    }),
    activate: vi.fn(async () => SANDBOX_INFO),
    identity: vi.fn(async () => ({
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/test',
      userId: 'AROATEST:test',
    })),
    onChanged: vi.fn(() => () => undefined),
    dispose: vi.fn(async () => undefined),
  };
}
