// Runs that outlive the window: a stop on request, and a restart of Opsdesk mid-run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvironmentService } from '../../src/main/environments/environmentService';
import type { WorkflowRun } from '../../src/shared/workflows';
import type { WorkflowService } from '../../src/main/workflows/workflowService';
import { createJournal } from '../../src/main/journal/journal';
import {
  runEnded,
  startWorkflowHarness,
  TWIN_ENVIRONMENT,
  type WorkflowHarness,
} from './sandboxHarness';

let harness: WorkflowHarness;

beforeAll(async () => {
  // Slow enough that a task is still running when the test stops it or restarts.
  harness = await startWorkflowHarness(0.2);
});

afterAll(async () => {
  await harness?.close();
});

/** Resolves once the run's task has started, so it can be stopped or picked up. */
function taskStarted(service: WorkflowService, runId: string) {
  return new Promise<WorkflowRun>((resolve) => {
    const stop = service.onRunUpdated((run) => {
      if (run.runId === runId && run.canStop) {
        stop();
        resolve(run);
      }
    });
  });
}

async function buildTasksOf(runId: string) {
  const environments = createEnvironmentService({
    configDir: harness.dataDir,
    startSandbox: async () => ({
      endpoint: harness.sandbox.endpoint,
      close: async () => undefined,
    }),
  });
  const { clients } = await environments.current();
  const arns = await clients.ecs.listTasks({
    family: 'opsdesk-build',
    startedBy: `opsdesk/${runId}`,
    desiredStatus: 'STOPPED',
  });
  await environments.dispose();
  return arns;
}

describe('stopping a running task', () => {
  it('stops the build task on request and reports the run stopped, not failed', async () => {
    const service = harness.open();
    const started = await service.start({
      workflowId: 'build',
      parameters: { gitRef: 'main' },
      confirmed: false,
    });
    await taskStarted(service, started.runId);

    const stopping = await service.stop(started.runId);
    expect(stopping.canStop).toBe(false);
    const run = await runEnded(service, started.runId);

    expect(run.status).toBe('stopped');
    expect(run.phases.filter((phase) => phase.state === 'failed')).toEqual([]);
    expect(run.message).toContain('Stopped on request: Stopped from Opsdesk by arn:aws:sts::');
    const outcome = (await createJournal(harness.dataDir).read()).find(
      (entry) => entry.runId === started.runId && entry.kind === 'outcome',
    );
    expect(outcome?.result).toBe('stopped');
  });

  it('refuses to stop a function run, which cannot be stopped', async () => {
    const service = harness.open();
    const started = await service.start({ workflowId: 'backup', parameters: {}, confirmed: true });

    await expect(service.stop(started.runId)).rejects.toThrow('cannot be stopped now');
    await runEnded(service, started.runId);
  });
});

describe('a restart of Opsdesk in the middle of a run', () => {
  it('picks the run up again from disk and watches the same task to its end', async () => {
    const first = harness.open();
    const started = await first.start({
      workflowId: 'build',
      parameters: { gitRef: 'main' },
      confirmed: false,
    });
    await taskStarted(first, started.runId);
    await first.dispose();

    const second = harness.open();
    const ended = runEnded(second, started.runId);
    await second.resume();
    const run = await ended;

    expect(run.status).toBe('succeeded');
    expect(run.outputs.commitHash).toMatch(/^[0-9a-f]{40}$/);
    expect(await buildTasksOf(started.runId)).toHaveLength(1);
  });
});

describe('a restart while another environment is active', () => {
  it('watches a run of a non-active environment again at start, with its own clients', async () => {
    const first = harness.open(TWIN_ENVIRONMENT);
    const started = await first.start({
      workflowId: 'build',
      parameters: { gitRef: 'main' },
      confirmed: false,
    });
    expect(started.environment).toBe(TWIN_ENVIRONMENT);
    await taskStarted(first, started.runId);
    await first.dispose();

    // The sandbox is active after this restart; nobody switches to the twin.
    const second = harness.open();
    expect((await second.catalog()).environment).toBe('sandbox');
    const picked = new Promise<WorkflowRun>((resolve) => {
      const stop = second.onRunUpdated((run) => {
        if (run.runId !== started.runId) return;
        stop();
        resolve(run);
      });
    });
    const ended = runEnded(second, started.runId);
    await second.resume();

    expect((await picked).status).toBe('running');
    const run = await ended;
    expect(run.status).toBe('succeeded');
    expect(run.environment).toBe(TWIN_ENVIRONMENT);
    expect(await buildTasksOf(started.runId)).toHaveLength(1);
  });
});
