import { describe, expect, it, vi } from 'vitest';
import type { StatusReport } from '../../../../shared/status';
import type { RunPhase, WorkflowRun } from '../../../../shared/workflows';
import { answer, refuse, settle } from '../../../testing/fakeApi';
import { createStatusStore, RETRY_AFTER_FAILURE_MS } from './statusStore';

function report(nextRefreshMs: number, environment = 'sandbox'): StatusReport {
  return { environment, snapshot: null, stale: null, nextRefreshMs };
}

/** A store on a fake API with timers and visibility the test drives. */
function setup(answers: (() => ReturnType<typeof answer<StatusReport>>)[] = []) {
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const visibility = { hidden: false, listeners: new Set<() => void>() };
  const environmentListeners = new Set<() => void>();
  const runListeners = new Set<(run: WorkflowRun) => void>();
  let call = 0;
  const next = () => (answers[call++] ?? (() => answer(report(15_000))))();
  const api = {
    status: { get: vi.fn(next), refresh: vi.fn(next) },
    env: {
      onChanged: vi.fn((listener: () => void) => {
        environmentListeners.add(listener);
        return () => environmentListeners.delete(listener);
      }),
    },
    workflows: {
      onRunUpdated: vi.fn((listener: (run: WorkflowRun) => void) => {
        runListeners.add(listener);
        return () => runListeners.delete(listener);
      }),
    },
  };
  const store = createStatusStore({
    api: api as never,
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => ((timer as (typeof timers)[number]).cleared = true),
    isHidden: () => visibility.hidden,
    onVisibilityChange: (listener) => {
      visibility.listeners.add(listener);
      return () => visibility.listeners.delete(listener);
    },
  });
  return {
    store,
    api,
    pending: () => timers.filter((timer) => !timer.cleared),
    fire: async () => {
      const timer = timers.find((candidate) => !candidate.cleared)!;
      timer.cleared = true;
      timer.callback();
      await settle();
    },
    setHidden: async (hidden: boolean) => {
      visibility.hidden = hidden;
      visibility.listeners.forEach((listener) => listener());
      await settle();
    },
    listening: () => environmentListeners.size + visibility.listeners.size + runListeners.size,
    emitRun: async (run: WorkflowRun) => {
      runListeners.forEach((listener) => listener(run));
      await settle();
    },
    switchEnvironment: async () => {
      environmentListeners.forEach((listener) => listener());
      await settle();
    },
  };
}

describe('polling the status', () => {
  it('loads at start and polls again after the interval the main process asks for', async () => {
    const { store, api, pending, fire } = setup([
      () => answer(report(15_000)),
      () => answer(report(60_000)),
    ]);

    store.getState().start();
    await settle();
    expect(api.status.get).toHaveBeenCalledTimes(1);
    expect(pending().map((timer) => timer.ms)).toEqual([15_000]);

    await fire();
    expect(api.status.get).toHaveBeenCalledTimes(2);
    expect(pending().map((timer) => timer.ms)).toEqual([60_000]);
  });

  it('pauses while the window is hidden and loads again when it is shown', async () => {
    const { store, api, pending, setHidden } = setup();
    store.getState().start();
    await settle();

    await setHidden(true);
    expect(pending()).toEqual([]);

    await setHidden(false);
    expect(api.status.get).toHaveBeenCalledTimes(2);
    expect(pending()).toHaveLength(1);
  });

  it('collects anew on the refresh button and restarts the interval', async () => {
    const { store, api, pending } = setup();
    store.getState().start();
    await settle();

    await store.getState().refresh();

    expect(api.status.refresh).toHaveBeenCalledTimes(1);
    expect(pending()).toHaveLength(1);
  });

  it('reloads when the environment changes, forgetting the old one’s status', async () => {
    const { store, api, switchEnvironment } = setup([
      () => answer(report(15_000, 'sandbox')),
      () => answer(report(15_000, 'prod')),
    ]);
    store.getState().start();
    await settle();

    await switchEnvironment();

    expect(api.status.get).toHaveBeenCalledTimes(2);
    expect(store.getState().report?.environment).toBe('prod');
  });

  it('keeps the last status when the request fails, says why, and retries later', async () => {
    const { store, pending, fire } = setup([
      () => answer(report(15_000)),
      () => refuse({ code: 'internal', message: 'The main process did not answer.' }),
    ]);
    store.getState().start();
    await settle();

    await fire();

    expect(store.getState().report?.environment).toBe('sandbox');
    expect(store.getState().requestFailure).toBe('The main process did not answer.');
    expect(pending().map((timer) => timer.ms)).toEqual([RETRY_AFTER_FAILURE_MS]);
  });

  it('stops polling and listening when the view unmounts', async () => {
    const { store, pending, listening } = setup();
    const stop = store.getState().start();
    await settle();
    expect(listening()).toBe(3);

    stop();

    expect(pending()).toEqual([]);
    expect(listening()).toBe(0);
  });
});

/** A build run in `status`, with `phase` the active one. */
function buildRun(status: WorkflowRun['status'], phase: string): WorkflowRun {
  const phases: RunPhase[] = ['start', 'provisioning', 'running'].map((id) => ({
    id,
    label: id,
    state: id === phase ? 'active' : 'waiting',
  }));
  return {
    runId: 'r1',
    environment: 'sandbox',
    workflowId: 'build',
    workflowLabel: 'Build',
    action: 'build',
    kind: 'ecs-task',
    parameters: {},
    startedBy: 'arn:aws:sts::1:assumed-role/Op/ana',
    startedAt: 1000,
    status,
    phases,
    message: '',
    outputs: {},
    canStop: false,
  };
}

describe('following runs', () => {
  it('collects anew when a run starts, reaches its next phase and ends, not on every update', async () => {
    const { store, api, emitRun } = setup();
    store.getState().start();
    await settle();

    await emitRun(buildRun('running', 'start'));
    expect(api.status.refresh).toHaveBeenCalledTimes(1);
    await emitRun(buildRun('running', 'start'));
    expect(api.status.refresh).toHaveBeenCalledTimes(1);
    await emitRun(buildRun('running', 'provisioning'));
    expect(api.status.refresh).toHaveBeenCalledTimes(2);
    await emitRun(buildRun('stopped', 'provisioning'));
    expect(api.status.refresh).toHaveBeenCalledTimes(3);
  });

  it('collects once more after a burst of run changes, not once per change', async () => {
    const { store, api, emitRun } = setup();
    store.getState().start();
    await settle();

    const first = buildRun('running', 'start');
    const second = { ...buildRun('running', 'start'), runId: 'r2' };
    const third = { ...buildRun('running', 'start'), runId: 'r3' };
    // Three runs start before the first refresh answers.
    [first, second, third].forEach((run) => void emitRun(run));
    await settle();
    await settle();

    expect(api.status.refresh).toHaveBeenCalledTimes(2);
  });
});
