import { describe, expect, it, vi } from 'vitest';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { WorkflowRun, WorkflowSummary } from '../../../../shared/workflows';
import { answer, settle } from '../../../testing/fakeApi';
import { emptyForm, startBlocker } from '../model/formModel';
import { createRunNotifier, type NotifierWindow } from './runNotifier';
import { createWorkflowsStore } from './workflowsStore';

const run = (status: WorkflowRun['status']): WorkflowRun => ({
  runId: 'r1',
  environment: 'sandbox',
  workflowId: 'deploy',
  workflowLabel: 'Deploy an image',
  action: 'deploy',
  kind: 'lambda',
  parameters: {},
  startedBy: 'arn:aws:sts::1:assumed-role/Op/ana',
  startedAt: 1000,
  status,
  phases: [],
  message: status === 'failed' ? 'rollout failed' : 'working',
  outputs: {},
  canStop: false,
});

function setUp(permission: NotificationPermission) {
  let emitRun: (run: WorkflowRun) => void = () => undefined;
  const api = {
    workflows: {
      catalog: vi.fn(() =>
        answer({
          environment: 'sandbox',
          environmentLabel: 'Sandbox',
          readOnly: false,
          workflows: [],
        }),
      ),
      runs: vi.fn(() => answer([run('running')])),
      builds: vi.fn(() => answer([])),
      onRunUpdated: vi.fn((listener: (run: WorkflowRun) => void) => {
        emitRun = listener;
        return () => undefined;
      }),
      onLogLines: vi.fn(() => () => undefined),
    },
    env: { onChanged: vi.fn(() => () => undefined) },
  } as unknown as Pick<OpsdeskBridge, 'workflows' | 'env'>;
  const shown: { title: string; body?: string }[] = [];
  const target: NotifierWindow = {
    document: { title: 'Opsdesk', hidden: true },
    Notification: Object.assign(
      function (this: unknown, title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      } as unknown as NonNullable<NotifierWindow['Notification']>,
      { permission, requestPermission: async () => permission },
    ),
  };
  const store = createWorkflowsStore(api, vi.fn(), createRunNotifier(target));
  store.getState().start();
  return { store, target, shown, emit: (value: WorkflowRun) => emitRun(value) };
}

describe('the operator is told when a run ends', () => {
  it('changes the title, shows the banner and a desktop notification when allowed', async () => {
    const { store, target, shown, emit } = setUp('granted');
    await settle();

    emit(run('running'));
    expect(store.getState().endedRun).toBeNull();
    emit(run('failed'));

    expect(target.document.title).toBe('✖ Deploy an image failed — Opsdesk');
    expect(store.getState().endedRun?.status).toBe('failed');
    expect(shown).toEqual([{ title: '✖ Deploy an image failed', body: 'rollout failed' }]);
  });

  it('falls back to the title and banner when notifications are denied, and restores the title', async () => {
    const { store, target, shown, emit } = setUp('denied');
    await settle();
    emit(run('succeeded'));

    expect(shown).toEqual([]);
    expect(target.document.title).toBe('✔ Deploy an image succeeded — Opsdesk');
    store.getState().dismissEnded();
    expect(target.document.title).toBe('Opsdesk');
    expect(store.getState().endedRun).toBeNull();
  });
});

describe('the start button waits for the confirmation the workflow asks for', () => {
  const restore: WorkflowSummary = {
    id: 'restore',
    label: 'Restore',
    action: 'restore',
    kind: 'ecs-task',
    target: 'opsdesk-restore',
    confirmation: 'type-environment-name',
    parameters: [{ name: 'snapshot', label: 'Snapshot', source: 'snapshot' }],
    stoppable: true,
  };
  const plan = {
    workflowId: 'restore',
    summary: [],
    confirmation: 'type-environment-name' as const,
    environmentName: 'prod',
  };

  it('names what is missing, step by step', () => {
    const form = emptyForm(restore);
    expect(startBlocker(restore, form)).toBe('Fill in every field first.');
    const filled = { ...form, values: { snapshot: 's-1' } };
    expect(startBlocker(restore, filled)).toBe('Review the summary first.');
    expect(startBlocker(restore, { ...filled, plan, typedEnvironmentName: 'staging' })).toBe(
      'Type prod to confirm.',
    );
    expect(startBlocker(restore, { ...filled, plan, typedEnvironmentName: 'prod' })).toBeNull();
  });

  it('gives the read-only reason before anything else', () => {
    const readOnly = { ...restore, disabledReason: 'prod is read-only.' };
    expect(startBlocker(readOnly, emptyForm(readOnly))).toBe('prod is read-only.');
  });
});
