import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActiveEnvironment } from '../../src/main/environments/environmentService';
import { createLogPullService, loadPulledEvents } from '../../src/main/logpull';
import type { EventBatch } from '../../src/main/logs/logService';
import { createPulledSources, type PulledSources } from '../../src/main/logpull/pulledSources';
import { LogEngine } from '../../src/main/logs/logEngine';
import type { ActiveEnvironmentInfo } from '../../src/shared/ipc/channels/environments';
import type { LoadProgress } from '../../src/shared/logs';
import { startPullHarness, type PullHarness } from './pullHarness';

const HOUR = 3_600_000;
const WEB = '/ecs/demo/web';
const WORKER = '/ecs/demo/worker';

let harness: PullHarness;
/**
 * Records indexed right after pulling WEB in `sandbox` and WORKER in
 * `staging` into the shared data folder (a worker's stack trace lines are
 * one record).
 */
const pulled = { web: 0, worker: 0 };

/** An environment service over the sandbox's clients that switches between names on request. */
function switchableEnvironments(initial: string) {
  let active = initial;
  const listeners = new Set<(info: ActiveEnvironmentInfo) => void>();
  const activeEnvironment = (): ActiveEnvironment => ({
    environment: { ...harness.environment, name: active },
    clients: harness.clients,
  });
  return {
    current: async () => activeEnvironment(),
    onChanged(listener: (info: ActiveEnvironmentInfo) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    switchTo(name: string) {
      active = name;
      const info = { name, label: name, region: 'eu-west-1', readOnly: false, isSandbox: false };
      listeners.forEach((listener) => listener(info));
    },
  };
}

/** Pulls the last two hours of a group in an environment; returns the records indexed. */
async function pullInto(environment: string, logGroup: string): Promise<number> {
  const index = new LogEngine();
  const service = createLogPullService({
    environments: switchableEnvironments(environment),
    logs: index,
    dataDir: harness.dataDir,
    rateQuota: 50,
  });
  const now = Date.now();
  await service.run({
    logGroups: [logGroup],
    streamPrefixes: [],
    refresh: false,
    from: now - 2 * HOUR,
    to: now,
  });
  await service.dispose();
  const [source] = await index.sources();
  return source.records;
}

beforeAll(async () => {
  harness = await startPullHarness();
  pulled.web = await pullInto('sandbox', WEB);
  pulled.worker = await pullInto('staging', WORKER);
});
afterAll(() => harness.close());

let engine: LogEngine;
let environments: ReturnType<typeof switchableEnvironments>;
let sources: PulledSources;
let indexProgress: LoadProgress[];
let droppedProgress: LoadProgress[];

beforeEach(() => {
  engine = new LogEngine();
  indexProgress = [];
  droppedProgress = [];
  engine.onProgress((progress) => indexProgress.push(progress));
  environments = switchableEnvironments('sandbox');
  sources = createPulledSources({ environments, logs: engine, dataDir: harness.dataDir });
  sources.onProgress((progress) => droppedProgress.push(progress));
  return () => sources.dispose();
});

async function shownSources() {
  return (await engine.sources()).map(({ name, state, records }) => ({ name, state, records }));
}

async function searchTotal(query: string): Promise<number> {
  return (await engine.search({ query, offset: 0, limit: 1 })).total;
}

describe('when Opsdesk starts', () => {
  it('loads what was pulled in the active environment, and nothing of the others', async () => {
    expect(pulled.web).toBeGreaterThan(100);
    sources.start();
    await sources.settled();

    expect(await shownSources()).toEqual([{ name: WEB, state: 'ready', records: pulled.web }]);
    expect(await searchTotal(`log_group:"${WORKER}"`)).toBe(0);
  });

  it('reports the load as log index progress, ending done', async () => {
    sources.start();
    await sources.settled();

    const [source] = await engine.sources();
    expect(indexProgress.length).toBeGreaterThan(1);
    expect(indexProgress.every((progress) => progress.sourceId === source.sourceId)).toBe(true);
    expect(indexProgress.at(-1)).toMatchObject({ name: WEB, records: pulled.web, done: true });
    expect(droppedProgress).toEqual([]);
  });

  it('parses the mixed nginx and JSON lines of the web streams each in their own format', async () => {
    sources.start();
    await sources.settled();

    const applicationLines = await searchTotal('logger:orders');
    const accessLines = await searchTotal('status:>=100');
    expect(applicationLines).toBeGreaterThan(0);
    expect(accessLines).toBeGreaterThan(0);
    expect(applicationLines + accessLines).toBe(pulled.web);
    expect(await searchTotal('level:unknown')).toBe(0);
  });
});

describe('when the environment switches', () => {
  beforeEach(async () => {
    sources.start();
    await sources.settled();
  });

  it("drops the previous environment's pulled groups and loads the new one's", async () => {
    const [web] = await engine.sources();
    environments.switchTo('staging');
    await sources.settled();

    expect(await shownSources()).toEqual([
      { name: WORKER, state: 'ready', records: pulled.worker },
    ]);
    expect(await searchTotal(`log_group:"${WEB}"`)).toBe(0);
    expect(droppedProgress).toEqual([
      {
        sourceId: web.sourceId,
        name: WEB,
        bytesRead: web.sizeBytes,
        totalBytes: 0,
        records: pulled.web,
        done: true,
      },
    ]);
  });

  it("drops the previous environment's live tails too, stopped or not, and keeps other sources", async () => {
    for (const [stream, done] of [
      ['web/web/abc', false],
      ['web/web/def', true],
    ] as const) {
      await engine.ingestEvents({
        sourceKey: `sandbox:${WEB}:${stream}:live`,
        name: `${stream} (live)`,
        format: 'nginx-combined',
        events: [],
        bytes: 0,
        done,
      });
    }
    await engine.ingestEvents({
      sourceKey: 'file:/tmp/app.log',
      name: 'app.log',
      format: 'plain',
      events: [],
      bytes: 0,
      done: true,
    });
    environments.switchTo('staging');
    await sources.settled();

    expect((await shownSources()).map((source) => source.name)).toEqual(['app.log', WORKER]);
    expect(droppedProgress.map((progress) => progress.name).sort()).toEqual([
      WEB,
      'web/web/abc (live)',
      'web/web/def (live)',
    ]);
  });

  it('loads the first environment again on switching back', async () => {
    environments.switchTo('staging');
    environments.switchTo('sandbox');
    await sources.settled();

    expect(await shownSources()).toEqual([{ name: WEB, state: 'ready', records: pulled.web }]);
  });

  it('ends showing the environment switched to last, after switches in quick succession', async () => {
    environments.switchTo('staging');
    // The staging load has begun when the next switch arrives.
    await new Promise((resolve) => setTimeout(resolve, 0));
    environments.switchTo('sandbox');
    environments.switchTo('staging');
    await sources.settled();

    expect(await shownSources()).toEqual([
      { name: WORKER, state: 'ready', records: pulled.worker },
    ]);
  });

  it('shows nothing pulled in an environment that has no pulls', async () => {
    environments.switchTo('production');
    await sources.settled();

    expect(await shownSources()).toEqual([]);
  });

  it('does nothing when the same environment is activated again', async () => {
    const before = await engine.sources();
    environments.switchTo('sandbox');
    await sources.settled();

    expect(await engine.sources()).toEqual(before);
    expect(droppedProgress).toEqual([]);
  });
});

describe('a load that is cut short', () => {
  it('stops between batches once its signal is aborted', async () => {
    const controller = new AbortController();
    const batches: EventBatch[] = [];
    const logs = {
      ingestEvents: async (batch: EventBatch) => {
        batches.push(batch);
        controller.abort();
        return engine.ingestEvents(batch);
      },
    };

    const groups = await loadPulledEvents(logs, harness.dataDir, 'sandbox', controller.signal);

    expect(groups).toBe(0);
    expect(batches).toHaveLength(1);
    expect(batches[0].done).toBe(false);
  });
});
