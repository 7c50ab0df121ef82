// Runs the sandbox's real workflows through the real client layer and watches
// each to its end, as the Workflows view does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal } from '../../src/main/journal/journal';
import type { WorkflowService } from '../../src/main/workflows/workflowService';
import { runEnded, startWorkflowHarness, type WorkflowHarness } from './sandboxHarness';

let harness: WorkflowHarness;
let service: WorkflowService;

beforeAll(async () => {
  harness = await startWorkflowHarness();
  service = harness.open();
});

afterAll(async () => {
  await harness?.close();
});

async function build(gitRef = 'main') {
  const run = await service.start({
    workflowId: 'build',
    parameters: { gitRef },
    confirmed: false,
  });
  return runEnded(service, run.runId);
}

describe('build: runs its ECS task until STOPPED and reports what it built', () => {
  it('succeeds on exit code 0 with the full commit hash and image digest it printed', async () => {
    const run = await build();

    expect(run.status).toBe('succeeded');
    expect(run.outputs.commitHash).toMatch(/^[0-9a-f]{40}$/);
    expect(run.outputs.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs.exitCode).toBe(0);
    expect(run.phases.map((phase) => phase.state)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
    ]);
  });

  it('tails the task log: the run has its lines, the result line last', async () => {
    const run = await build('release/1.2');
    const lines = await service.logs(run.runId);

    expect(lines[0].message).toBe('Cloning repository (ref release/1.2)');
    expect(JSON.parse(lines.at(-1)!.message)).toMatchObject({
      status: 'succeeded',
      commitHash: run.outputs.commitHash,
    });
  });

  it('fails on exit code 1 with the container reason', async () => {
    harness.sandbox.controls.failNext('opsdesk-build', 'exit-1');
    const run = await build();

    expect(run.status).toBe('failed');
    expect(run.message).toContain('exited with code 1');
    expect(run.message).toContain('Build failed: npm run build exited with code 1');
    expect(run.phases.at(-1)?.state).toBe('failed');
  });

  it('fails when RunTask answers with failures[] instead of a task, naming the reason', async () => {
    harness.sandbox.controls.failNext('opsdesk-build', 'failures');
    const run = await build();

    expect(run.status).toBe('failed');
    expect(run.message).toContain('RESOURCE:MEMORY');
    expect(run.phases[0]).toMatchObject({ id: 'start', state: 'failed' });
  });

  it('refuses a ref that git would read as an option', async () => {
    await expect(
      service.start({
        workflowId: 'build',
        parameters: { gitRef: '--upload-pack=x' },
        confirmed: false,
      }),
    ).rejects.toThrow('must be a branch, tag or commit');
  });
});

describe('approval, deploy and rollback', () => {
  let built: { commitHash: string; imageDigest: string };

  beforeAll(async () => {
    const run = await build();
    built = run.outputs as typeof built;
  });

  it('offers the new image for deploy only once it is approved', async () => {
    const options = await service.options('deploy', 'image');
    const image = options.find((option) => option.value === built.imageDigest);

    expect(image?.image?.commitHash).toBe(built.commitHash);
    expect(image?.unavailableReason).toContain('Not approved');
    await expect(
      service.start({
        workflowId: 'deploy',
        parameters: { image: built.imageDigest },
        confirmed: true,
      }),
    ).rejects.toThrow('Not approved');
  });

  it('refuses an approval whose reviewed commit differs, and journals the refusal', async () => {
    const wrong = built.commitHash.startsWith('0') ? '1234567' : '0123456';
    await expect(service.approve(built.imageDigest, wrong)).rejects.toThrow(
      `The build was made from ${built.commitHash}`,
    );
    await expect(service.approve(built.imageDigest, built.commitHash.slice(0, 6))).rejects.toThrow(
      'at least 7',
    );
  });

  it('approves on a 7-character prefix, records the approver, and lists the build as approved', async () => {
    const approval = await service.approve(
      built.imageDigest,
      built.commitHash.slice(0, 7).toUpperCase(),
    );

    expect(approval.commitHash).toBe(built.commitHash);
    expect(approval.approvedBy).toBe('arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/demo');
    expect(approval.tags).toContain(built.commitHash);
    const builds = await service.builds();
    expect(builds.find((entry) => entry.imageDigest === built.imageDigest)?.approval).toEqual(
      approval,
    );
    const journal = await createJournal(harness.dataDir).read();
    expect(
      journal.filter((entry) => entry.kind === 'approval').map((entry) => entry.result),
    ).toEqual(['failed', 'succeeded']);
  });

  it('deploys the approved digest and watches the rollout to completion', async () => {
    const plan = await service.plan('deploy', { image: built.imageDigest });
    expect(plan.summary.join('\n')).toContain(`"imageDigest": "${built.imageDigest}"`);

    const started = await service.start({
      workflowId: 'deploy',
      parameters: { image: built.imageDigest },
      confirmed: true,
    });
    const run = await runEnded(service, started.runId);

    expect(run.status).toBe('succeeded');
    expect(run.outputs).toMatchObject({
      imageDigest: built.imageDigest,
      commitHash: built.commitHash,
    });
    expect(run.message).toContain('rollout completed');
    expect(run.phases.map((phase) => [phase.id, phase.state])).toEqual([
      ['invoke', 'done'],
      ['rollout', 'done'],
    ]);
  });

  it('refuses a deploy that is not confirmed', async () => {
    await expect(
      service.start({
        workflowId: 'deploy',
        parameters: { image: built.imageDigest },
        confirmed: false,
      }),
    ).rejects.toThrow('Confirm the summary');
  });

  it('fails a deploy whose function answers with FunctionError, though HTTP said 200', async () => {
    harness.sandbox.controls.failNext('opsdesk-deploy', 'function-error');
    const started = await service.start({
      workflowId: 'deploy',
      parameters: { image: built.imageDigest },
      confirmed: true,
    });
    const run = await runEnded(service, started.runId);

    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/^The deploy function reported an error: .*could not acquire/);
    expect(run.message).not.toContain('HTTP 200');
    expect(run.outputs.errorDetail).toContain('opsdesk-deploy failed (Unhandled, HTTP 200)');
  });

  it('fails a deploy whose rollout the circuit breaker stopped', async () => {
    harness.sandbox.controls.failNext('opsdesk-deploy', 'rollout-failed');
    const started = await service.start({
      workflowId: 'deploy',
      parameters: { image: built.imageDigest },
      confirmed: true,
    });
    const run = await runEnded(service, started.runId);

    expect(run.status).toBe('failed');
    expect(run.message).toContain('The deploy function reported an error: Deployment failed');
    expect(run.outputs.errorDetail).toContain('DeploymentFailed');
  });

  it('rolls one service back to an earlier revision it picked from the list', async () => {
    const options = await service.options('rollback', 'revision');
    const earlier = options.find(
      (option) => option.revision?.service === 'web' && !option.revision.current,
    );
    expect(earlier).toBeDefined();

    const started = await service.start({
      workflowId: 'rollback',
      parameters: { revision: earlier!.value },
      confirmed: true,
    });
    const run = await runEnded(service, started.runId);

    expect(run.status).toBe('succeeded');
    expect(run.outputs.taskDefinitionArns).toEqual([earlier!.value]);
  });
});

describe('backup and restore', () => {
  it('backs up and watches the snapshot until it is available', async () => {
    const started = await service.start({ workflowId: 'backup', parameters: {}, confirmed: true });
    const run = await runEnded(service, started.runId);

    expect(run.status).toBe('succeeded');
    expect(run.message).toBe(`Snapshot ${String(run.outputs.snapshotId)} is available.`);
    const snapshots = await service.options('restore', 'snapshot');
    expect(
      snapshots.find((option) => option.value === run.outputs.snapshotId)?.snapshot?.status,
    ).toBe('available');
  });

  it('restores only when the environment name is typed, and refuses a second restore meanwhile', async () => {
    const [snapshot] = (await service.options('restore', 'snapshot')).filter(
      (option) => !option.unavailableReason,
    );
    const request = {
      workflowId: 'restore',
      parameters: { snapshot: snapshot.value },
      confirmed: true,
    };

    await expect(service.start({ ...request, typedEnvironmentName: 'prod' })).rejects.toThrow(
      "Type the environment's name, sandbox",
    );
    const started = await service.start({ ...request, typedEnvironmentName: 'sandbox' });
    await expect(service.start({ ...request, typedEnvironmentName: 'sandbox' })).rejects.toThrow(
      'is still running in sandbox',
    );
    const run = await runEnded(service, started.runId);

    expect(run.status).toBe('succeeded');
    expect(run.outputs).toMatchObject({
      snapshotId: snapshot.value,
      dbInstanceIdentifier: 'demo-db',
    });
  });
});

describe('journal', () => {
  it('has a start and an outcome for every run, with who, what and parameters', async () => {
    const entries = await createJournal(harness.dataDir).read();
    const starts = entries.filter((entry) => entry.kind === 'start');
    const outcomes = entries.filter((entry) => entry.kind === 'outcome');

    expect(outcomes.map((entry) => entry.runId).sort()).toEqual(
      starts.map((entry) => entry.runId).sort(),
    );
    expect(starts.every((entry) => entry.who.startsWith('arn:aws:sts::123456789012:'))).toBe(true);
    const failedBuild = outcomes.find(
      (entry) => entry.what === 'build' && entry.result === 'failed',
    );
    expect(failedBuild?.message).toContain('exited with code 1');
    expect(starts.find((entry) => entry.what === 'build')?.parameters).toEqual({ gitRef: 'main' });
  });
});
