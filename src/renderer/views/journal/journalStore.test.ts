import { describe, expect, it, vi } from 'vitest';
import type { OpsdeskBridge } from '../../../shared/ipc/api';
import type { ActiveEnvironmentInfo } from '../../../shared/ipc/channels/environments';
import type { JournalEntry, JournalFilter, WorkflowRun } from '../../../shared/workflows';
import { answer, settle } from '../../testing/fakeApi';
import { createJournalStore } from './journalStore';

const environment = (name: string): ActiveEnvironmentInfo => ({
  name,
  label: name,
  region: 'eu-west-1',
  readOnly: false,
  isSandbox: name === 'sandbox',
});

const ENTRIES: JournalEntry[] = [
  { kind: 'start', at: 3, environment: 'prod', who: 'arn:ana', what: 'deploy' },
  {
    kind: 'outcome',
    at: 2,
    environment: 'sandbox',
    who: 'arn:ana',
    what: 'build',
    result: 'stopped',
  },
  { kind: 'start', at: 1, environment: 'sandbox', who: 'arn:ana', what: 'build' },
];

/** A journal store over a fake API that filters ENTRIES by environment as the main process does. */
function setUp() {
  let switchTo: (info: ActiveEnvironmentInfo) => void = () => undefined;
  let emitRun: (run: WorkflowRun) => void = () => undefined;
  const matching = (filter: JournalFilter) =>
    ENTRIES.filter((entry) => !filter.environment || entry.environment === filter.environment);
  const api = {
    journal: {
      list: vi.fn((filter: JournalFilter) => answer(matching(filter))),
      export: vi.fn((request: JournalFilter & { format: 'csv' | 'jsonl' }) =>
        answer({
          fileName: 'j.csv',
          mimeType: 'text/csv',
          content: matching(request)
            .map((entry) => entry.environment)
            .join(','),
        }),
      ),
    },
    env: {
      list: vi.fn(() =>
        answer({
          environments: [environment('sandbox'), environment('prod')],
          active: 'sandbox',
          problems: [],
        }),
      ),
      onChanged: vi.fn((listener: (info: ActiveEnvironmentInfo) => void) => {
        switchTo = listener;
        return () => undefined;
      }),
    },
    workflows: {
      onRunUpdated: vi.fn((listener: (run: WorkflowRun) => void) => {
        emitRun = listener;
        return () => undefined;
      }),
    },
  } as unknown as Pick<OpsdeskBridge, 'journal' | 'env' | 'workflows'>;
  const store = createJournalStore(api, vi.fn());
  const shown = () => store.getState().entries.map((entry) => `${entry.environment}:${entry.what}`);
  return {
    store,
    api,
    shown,
    switchTo: (name: string) => switchTo(environment(name)),
    emitRun: (run: WorkflowRun) => emitRun(run),
  };
}

describe('the journal shows the active environment unless asked for all', () => {
  it('opens on the active environment’s entries', async () => {
    const { store, shown } = setUp();
    store.getState().start();
    await settle();

    expect(store.getState().activeEnvironment).toBe('sandbox');
    expect(shown()).toEqual(['sandbox:build', 'sandbox:build']);
  });

  it('shows every environment’s entries on "All environments", and one named environment', async () => {
    const { store, shown } = setUp();
    store.getState().start();
    await settle();

    store.getState().setScope({ type: 'all' });
    await settle();
    expect(shown()).toEqual(['prod:deploy', 'sandbox:build', 'sandbox:build']);

    store.getState().setScope({ type: 'named', name: 'prod' });
    await settle();
    expect(shown()).toEqual(['prod:deploy']);
  });

  it('follows a switch of the active environment', async () => {
    const { store, shown, switchTo } = setUp();
    store.getState().start();
    await settle();

    switchTo('prod');
    await settle();

    expect(shown()).toEqual(['prod:deploy']);
  });

  it('exports what it shows: the active environment’s entries, or all of them', async () => {
    const { store } = setUp();
    store.getState().start();
    await settle();

    expect((await store.getState().exportAs('csv'))?.content).toBe('sandbox,sandbox');
    store.getState().setScope({ type: 'all' });
    expect((await store.getState().exportAs('csv'))?.content).toBe('prod,sandbox,sandbox');
  });

  it('reads the journal again when a run ends, which adds its outcome', async () => {
    const { store, api, emitRun } = setUp();
    store.getState().start();
    await settle();
    const before = vi.mocked(api.journal.list).mock.calls.length;

    emitRun({ runId: 'r1', status: 'running' } as WorkflowRun);
    emitRun({ runId: 'r1', status: 'stopped' } as WorkflowRun);
    await settle();

    expect(vi.mocked(api.journal.list).mock.calls.length).toBe(before + 1);
  });
});
