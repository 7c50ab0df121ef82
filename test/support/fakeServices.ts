import { vi } from 'vitest';
import type { LoadProgress, LogSource, SearchPage } from '../../src/shared/logs';
import type { LogService } from '../../src/main/logs/logService';
import type { EnvironmentService } from '../../src/main/environments/environmentService';
import { createCredentialPrompts } from '../../src/main/environments/prompts/credentialPrompts';
import type { Services } from '../../src/main/services';
import type { StatusService } from '../../src/main/status';
import type { WorkflowService } from '../../src/main/workflows/workflowService';
import type { JournalService } from '../../src/main/journal/journalService';
import type { LogPullService, LogTailService, PulledSources } from '../../src/main/logpull';

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
    ingestEvents: vi.fn(async (batch) => ({
      ...fakeSource(batch.sourceKey, opened.length),
      name: batch.name,
      records: batch.events.length,
    })),
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
    status: createFakeStatusService(),
    workflows: createFakeWorkflowService(),
    journal: createFakeJournalService(),
    logPull: createFakeLogPullService(),
    logTail: createFakeLogTailService(),
    pulledSources: createFakePulledSources(),
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
    clientsFor: vi.fn(async () => {
      throw new Error('no AWS clients in the fake');
    }),
    activate: vi.fn(async () => SANDBOX_INFO),
    identity: vi.fn(async () => ({
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/test',
      userId: 'AROATEST:test',
    })),
    onChanged: vi.fn(() => () => undefined),
    prompts: createCredentialPrompts(),
    dispose: vi.fn(async () => undefined),
  };
}

/** A status service that has never reached AWS: no snapshot, nothing stale. */
export function createFakeStatusService(): StatusService {
  const report = { environment: 'sandbox', snapshot: null, stale: null, nextRefreshMs: 15_000 };
  return {
    get: vi.fn(async () => report),
    refresh: vi.fn(async () => report),
    dispose: vi.fn(),
  };
}

/** A workflow service with no workflows and no runs. */
export function createFakeWorkflowService(): WorkflowService {
  return {
    catalog: vi.fn(async () => ({
      environment: 'sandbox',
      environmentLabel: 'Sandbox',
      readOnly: false,
      workflows: [],
    })),
    options: vi.fn(async () => []),
    plan: vi.fn(async () => {
      throw new Error('no workflows in the fake');
    }),
    start: vi.fn(async () => {
      throw new Error('no workflows in the fake');
    }),
    stop: vi.fn(async () => {
      throw new Error('no runs in the fake');
    }),
    runs: vi.fn(async () => []),
    logs: vi.fn(async () => []),
    builds: vi.fn(async () => []),
    approve: vi.fn(async () => {
      throw new Error('no images in the fake');
    }),
    onRunUpdated: vi.fn(() => () => undefined),
    onLogLines: vi.fn(() => () => undefined),
    resume: vi.fn(async () => undefined),
    dispose: vi.fn(async () => undefined),
  };
}

/** A journal service with an empty journal. */
export function createFakeJournalService(): JournalService {
  return {
    list: vi.fn(async () => []),
    export: vi.fn(async (_filter, format) => ({
      fileName: `journal.${format}`,
      mimeType: 'text/plain',
      content: '',
    })),
  };
}

/** A pull service for an environment whose groups were never pulled; pulls are refused. */
export function createFakeLogPullService(): LogPullService {
  return {
    groups: vi.fn(async () => []),
    streams: vi.fn(async () => []),
    start: vi.fn(async () => {
      throw new Error('no pulls in the fake');
    }),
    run: vi.fn(async () => {
      throw new Error('no pulls in the fake');
    }),
    cancel: vi.fn(async () => false),
    estimate: vi.fn(async () => ({
      estimatedBytes: 0,
      localLimitBytes: 1,
      beyondLocalLimit: false,
    })),
    insightsHistogram: vi.fn(async () => {
      throw new Error('no Logs Insights in the fake');
    }),
    onProgress: vi.fn(() => () => undefined),
    dispose: vi.fn(async () => undefined),
  };
}

/** A tail service that follows nothing. */
export function createFakeLogTailService(): LogTailService {
  return {
    start: vi.fn(async () => ({ tailId: 'tail-1' })),
    stop: vi.fn(async () => false),
    onLines: vi.fn(() => () => undefined),
    dispose: vi.fn(async () => undefined),
  };
}

/** Pulled sources with nothing pulled: nothing loads, nothing is dropped. */
export function createFakePulledSources(): PulledSources {
  return {
    start: vi.fn(),
    settled: vi.fn(async () => undefined),
    onProgress: vi.fn(() => () => undefined),
    dispose: vi.fn(async () => undefined),
  };
}
