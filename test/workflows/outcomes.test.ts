// How a run's end is decided from what AWS reports, without AWS.
import type { Task } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { resultLineOutputs } from '../../src/main/workflows/resultLine';
import { taskOutcome } from '../../src/main/workflows/watchers/ecsTaskWatcher';
import { functionOutcome } from '../../src/main/workflows/watchers/lambdaWatcher';
import { serviceRollout } from '../../src/main/workflows/watchers/rolloutWatcher';
import { compareCommits } from '../../src/shared/workflows';

const stopped = (task: Partial<Task>): Task => ({ lastStatus: 'STOPPED', ...task });

describe('an ECS task succeeds only on exit code 0 of its essential container', () => {
  it('succeeds when the essential container exited 0, whatever a sidecar did', () => {
    const task = stopped({
      stopCode: 'EssentialContainerExited',
      containers: [
        { name: 'log-router', exitCode: 137 },
        { name: 'build', exitCode: 0 },
      ],
    });
    expect(taskOutcome(task, 'build')).toEqual({
      succeeded: true,
      message: 'Container build exited with code 0.',
      exitCode: 0,
    });
  });

  it('fails on a non-zero exit code with the reason from the container, not only the task', () => {
    const task = stopped({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'build', exitCode: 1, reason: 'Build failed: npm run build' }],
    });
    expect(taskOutcome(task, 'build')).toEqual({
      succeeded: false,
      message:
        'Container build exited with code 1: Essential container in task exited; build: Build failed: npm run build.',
      exitCode: 1,
    });
  });

  it('fails a task that never started, with the reason ECS gave', () => {
    const task = stopped({
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: pull access denied',
      containers: [{ name: 'build' }],
    });
    expect(taskOutcome(task, 'build').message).toBe(
      'The task failed to start: CannotPullContainerError: pull access denied.',
    );
    expect(taskOutcome(task, 'build').succeeded).toBe(false);
  });

  it('fails a container that reports no exit code', () => {
    const task = stopped({ stoppedReason: 'Host EC2 terminated', containers: [{ name: 'build' }] });
    expect(taskOutcome(task, 'build')).toEqual({
      succeeded: false,
      message: 'Container build reported no exit code: Host EC2 terminated.',
    });
  });
});

describe('a Lambda workflow fails on FunctionError even at HTTP 200', () => {
  it('says in plain words which function reported the error, and keeps the Lambda terms as detail', () => {
    const outcome = functionOutcome('opsdesk-deploy', 'deploy', {
      outcome: 'failed',
      statusCode: 200,
      functionError: 'Unhandled',
      errorType: 'DeploymentFailed',
      errorMessage: 'tasks failed to start',
      payload: {},
    });
    expect(outcome).toEqual({
      succeeded: false,
      message: 'The deploy function reported an error: tasks failed to start',
      outputs: {
        errorDetail:
          'opsdesk-deploy failed (Unhandled, HTTP 200): DeploymentFailed: tasks failed to start',
      },
    });
  });

  it('fails a payload whose own status says failed, and keeps its outputs', () => {
    const outcome = functionOutcome('opsdesk-backup', 'backup', {
      outcome: 'succeeded',
      statusCode: 200,
      payload: { status: 'failed', message: 'lock held', outputs: { lockedBy: 'cron' } },
    });
    expect(outcome).toEqual({
      succeeded: false,
      message: 'opsdesk-backup reported failure: lock held',
      outputs: { lockedBy: 'cron' },
    });
  });

  it('succeeds with the message and named outputs of the payload', () => {
    const outcome = functionOutcome('opsdesk-backup', 'backup', {
      outcome: 'succeeded',
      statusCode: 200,
      payload: { status: 'succeeded', message: 'started', outputs: { snapshotId: 's-1' } },
    });
    expect(outcome).toEqual({
      succeeded: true,
      message: 'started',
      outputs: { snapshotId: 's-1' },
    });
  });
});

describe('a rollout is read from the deployment of the new task definition', () => {
  const arn = 'arn:aws:ecs:eu-west-1:1:task-definition/web:9';

  it('reports the circuit breaker reason of a failed rollout', () => {
    const rollout = serviceRollout(
      {
        serviceName: 'web',
        deployments: [
          { taskDefinition: arn, rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker' },
        ],
      },
      [arn],
    );
    expect(rollout).toEqual({ state: 'failed', text: 'web: rollout failed: circuit breaker' });
  });

  it('counts running tasks while the rollout is in progress', () => {
    const rollout = serviceRollout(
      {
        serviceName: 'web',
        deployments: [
          { taskDefinition: arn, rolloutState: 'IN_PROGRESS', runningCount: 1, desiredCount: 2 },
        ],
      },
      [arn],
    );
    expect(rollout).toEqual({
      state: 'in-progress',
      text: 'web: 1 of 2 tasks running, 0 failed',
    });
  });
});

describe('an approver enters the reviewed commit', () => {
  const commit = '9d48722cc6a57eb940124eaba4eb86dcc595317c';

  it('matches the full hash or a prefix of 7 or more, in any case', () => {
    expect(compareCommits(commit, commit)).toEqual({ outcome: 'match' });
    expect(compareCommits(commit, ' 9D48722 ')).toEqual({ outcome: 'match' });
  });

  it('refuses prefixes shorter than 7 and text that is not hex', () => {
    expect(compareCommits(commit, '9d4872').outcome).toBe('invalid');
    expect(compareCommits(commit, 'main').outcome).toBe('invalid');
  });

  it('names both commits on a mismatch', () => {
    expect(compareCommits(commit, '1234567')).toEqual({
      outcome: 'mismatch',
      reason: `The build was made from ${commit}, not from 1234567.`,
    });
  });
});

describe("a task's JSON result line gives its outputs", () => {
  it('takes the last JSON line with a status, without status and message', () => {
    const lines = [
      { time: 1, message: '{"status":"running"}' },
      { time: 2, message: 'digest: sha256:abc' },
      { time: 3, message: '{"status":"succeeded","commitHash":"c1","message":"done"}' },
      { time: 4, message: '{"not":"a result"}' },
    ];
    expect(resultLineOutputs(lines)).toEqual({ outputs: { commitHash: 'c1' }, message: 'done' });
  });

  it('gives no outputs when no line is a result', () => {
    expect(resultLineOutputs([{ time: 1, message: '{broken' }])).toEqual({ outputs: {} });
  });
});
