import { describe, expect, it, vi } from 'vitest';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { WorkflowRun } from '../../../../shared/workflows';
import { answer, deferred, settle } from '../../../testing/fakeApi';
import type { Result } from '../../../../shared/result';
import { createRunNotifier } from './runNotifier';
import { createWorkflowsStore, mergeRuns } from './workflowsStore';

const run = (runId: string, status: WorkflowRun['status'], startedAt = 1000): WorkflowRun => ({
  runId,
  environment: 'sandbox',
  workflowId: 'build',
  workflowLabel: 'Build an image',
  action: 'build',
  kind: 'ecs-task',
  parameters: {},
  startedBy: 'arn:aws:sts::1:assumed-role/Op/ana',
  startedAt,
  ...(status === 'running' ? {} : { endedAt: startedAt + 5000 }),
  status,
  phases: [],
  message: status,
  outputs: {},
  canStop: false,
});

/** A store whose run list answers come from `lists`, in order, and whose events the test sends. */
function setUp(lists: (() => Promise<Result<WorkflowRun[]>>)[]) {
  let emitRun: (run: WorkflowRun) => void = () => undefined;
  let call = 0;
  const api = {
    workflows: {
      catalog: vi.fn(() =>
        answer({ environment: 'sandbox', environmentLabel: 'S', readOnly: false, workflows: [] }),
      ),
      runs: vi.fn(() => (lists[call++] ?? (() => answer([])))()),
      builds: vi.fn(() => answer([])),
      onRunUpdated: vi.fn((listener: (run: WorkflowRun) => void) => {
        emitRun = listener;
        return () => undefined;
      }),
      onLogLines: vi.fn(() => () => undefined),
    },
    env: { onChanged: vi.fn(() => () => undefined) },
  } as unknown as Pick<OpsdeskBridge, 'workflows' | 'env'>;
  const notifier = createRunNotifier({ document: { title: 'Opsdesk', hidden: false } });
  const store = createWorkflowsStore(api, vi.fn(), notifier);
  store.getState().start();
  const status = (runId: string) =>
    store.getState().runs.find((candidate) => candidate.runId === runId)?.status;
  return { store, api, status, emit: (value: WorkflowRun) => emitRun(value) };
}

describe('the runs list and run page follow the run events', () => {
  it('marks a run ended from its event, and fetches the list again so others agree', async () => {
    const { api, status, emit } = setUp([
      () => answer([run('r1', 'running'), run('r0', 'running', 500)]),
      () => answer([run('r1', 'failed'), run('r0', 'succeeded', 500)]),
    ]);
    await settle();
    expect(status('r1')).toBe('running');

    emit(run('r1', 'failed'));
    expect(status('r1')).toBe('failed');
    await settle();

    expect(api.workflows.runs).toHaveBeenCalledTimes(2);
    expect(status('r0')).toBe('succeeded');
  });

  it('keeps a run ended when a list read before its end answers after it', async () => {
    const slow = deferred<Result<WorkflowRun[]>>();
    const { status, emit } = setUp([() => slow.promise]);
    emit(run('r1', 'running'));
    emit(run('r1', 'succeeded'));

    slow.resolve({ ok: true, value: [run('r1', 'running')] });
    await settle();

    expect(status('r1')).toBe('succeeded');
  });

  it('ignores a late running update of a run that has ended', async () => {
    const { status, emit } = setUp([() => answer([run('r1', 'stopped')])]);
    await settle();

    emit(run('r1', 'running'));

    expect(status('r1')).toBe('stopped');
  });

  it('fetches the list again when a run it did not know is picked up again', async () => {
    const { api, status, emit } = setUp([
      () => answer([]),
      () => answer([run('r2', 'running', 2000), run('r1', 'running')]),
    ]);
    await settle();

    emit(run('r1', 'running'));
    await settle();

    expect(api.workflows.runs).toHaveBeenCalledTimes(2);
    expect(status('r2')).toBe('running');
  });
});

describe('merging a fetched run list with what the window knows', () => {
  it('takes the fetched runs, keeps known ended runs ended and known runs not yet listed', () => {
    const merged = mergeRuns(
      [run('a', 'succeeded'), run('new', 'running', 3000)],
      [run('a', 'running'), run('b', 'failed', 2000)],
    );
    expect(merged.map((item) => [item.runId, item.status])).toEqual([
      ['new', 'running'],
      ['b', 'failed'],
      ['a', 'succeeded'],
    ]);
  });
});

describe('a run stopped on request is told apart from a failure', () => {
  it('says stopped, with its own mark, in the title', () => {
    const target = { document: { title: 'Opsdesk', hidden: true } };
    createRunNotifier(target).runEnded(run('r1', 'stopped'));
    expect(target.document.title).toBe('■ Build an image stopped — Opsdesk');
  });
});
