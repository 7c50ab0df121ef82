import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RunTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { DescribeDBSnapshotsCommand } from '@aws-sdk/client-rds';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import type { DemoFacts, RunningSandbox } from '../../src/sandbox';
import { startTestSandbox, waitFor, type SandboxClients } from './sandboxClients';

let sandbox: RunningSandbox;
let aws: SandboxClients;
let facts: DemoFacts;
const cluster = 'demo-cluster';

beforeAll(async () => {
  ({ sandbox, aws } = await startTestSandbox({ timeScale: 0.1 }));
});
beforeEach(() => {
  sandbox.controls.reset();
  facts = sandbox.controls.facts();
});
afterAll(() => sandbox.close());

function runBuild(clientToken?: string, commitHash?: string) {
  const environment = commitHash ? [{ name: 'COMMIT_HASH', value: commitHash }] : [];
  return aws.ecs.send(
    new RunTaskCommand({
      cluster,
      taskDefinition: 'opsdesk-build',
      clientToken,
      overrides: { containerOverrides: [{ name: 'build', environment }] },
    }),
  );
}

async function untilStopped(taskArn: string): Promise<Task> {
  const described = await waitFor(
    () => aws.ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] })),
    (answer) => answer.tasks![0].lastStatus === 'STOPPED',
  );
  return described.tasks![0];
}

async function taskLog(group: string, taskArn: string): Promise<string[]> {
  const taskId = taskArn.split('/').at(-1)!;
  const { events } = await aws.logs.send(
    new FilterLogEventsCommand({
      logGroupName: group,
      logStreamNamePrefix: `${group.endsWith('build') ? 'build/build' : 'restore/restore'}/${taskId}`,
    }),
  );
  return events!.map((event) => event.message!);
}

function invoke(functionName: string, payload: object) {
  return aws.lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      Payload: Buffer.from(JSON.stringify(payload)),
      LogType: 'Tail',
    }),
  );
}

const decode = (payload: Uint8Array | undefined) =>
  JSON.parse(Buffer.from(payload!).toString('utf8'));

describe('the build task', () => {
  it('goes from PROVISIONING to STOPPED with exit 0, logs its result and pushes the image', async () => {
    const commitHash = 'a'.repeat(40);
    const started = await runBuild(undefined, commitHash);
    const taskArn = started.tasks![0].taskArn!;
    expect(started.tasks![0].lastStatus).toBe('PROVISIONING');
    expect(started.failures).toEqual([]);

    const stopped = await untilStopped(taskArn);
    expect(stopped.containers![0].exitCode).toBe(0);
    expect(stopped.stopCode).toBe('EssentialContainerExited');
    expect(stopped.startedAt!.getTime()).toBeLessThan(stopped.stoppedAt!.getTime());

    const lines = await taskLog('/ecs/opsdesk-build', taskArn);
    const result = JSON.parse(lines.at(-1)!);
    expect(result).toMatchObject({ status: 'succeeded', commitHash });
    expect(result.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const pushed = await aws.ecr.send(
      new DescribeImagesCommand({
        repositoryName: 'demo/web',
        imageIds: [{ imageTag: commitHash }],
      }),
    );
    expect(pushed.imageDetails![0].imageDigest).toBe(result.imageDigest);
  });

  it('exits 1 with the reason on the container when told to', async () => {
    sandbox.controls.failNext('opsdesk-build', 'exit-1');
    const started = await runBuild();
    const stopped = await untilStopped(started.tasks![0].taskArn!);
    expect(stopped.containers![0].exitCode).toBe(1);
    expect(stopped.containers![0].reason).toBe('Build failed: npm run build exited with code 1');
    expect(stopped.stoppedReason).toBe('Essential container in task exited');
    const lines = await taskLog('/ecs/opsdesk-build', started.tasks![0].taskArn!);
    expect(JSON.parse(lines.at(-1)!).status).toBe('failed');

    const next = await runBuild();
    expect((await untilStopped(next.tasks![0].taskArn!)).containers![0].exitCode).toBe(0);
  });

  it('answers failures[] instead of a task when told to', async () => {
    sandbox.controls.failNext('opsdesk-build', 'failures');
    const answer = await runBuild();
    expect(answer.tasks).toEqual([]);
    expect(answer.failures).toEqual([
      {
        arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/opsdesk-build:2',
        reason: 'RESOURCE:MEMORY',
      },
    ]);
  });

  it('starts one task for a client token, however often the request is repeated', async () => {
    const first = await runBuild('retry-token-1');
    const second = await runBuild('retry-token-1');
    expect(second.tasks![0].taskArn).toBe(first.tasks![0].taskArn);
    const builds = await aws.ecs.send(new ListTasksCommand({ cluster, family: 'opsdesk-build' }));
    expect(builds.taskArns).toEqual([first.tasks![0].taskArn]);
  });
});

describe('the restore task', () => {
  it('restores from an available snapshot and reports it', async () => {
    const answer = await aws.ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: 'opsdesk-restore',
        overrides: {
          containerOverrides: [
            {
              name: 'restore',
              environment: [{ name: 'SNAPSHOT_ID', value: 'demo-db-before-migration-42' }],
            },
          ],
        },
      }),
    );
    const stopped = await untilStopped(answer.tasks![0].taskArn!);
    expect(stopped.containers![0].exitCode).toBe(0);
    const lines = await taskLog('/ecs/opsdesk-restore', answer.tasks![0].taskArn!);
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      status: 'succeeded',
      snapshotId: 'demo-db-before-migration-42',
      dbInstanceIdentifier: 'demo-db',
    });
  });

  it('fails with a reason when the snapshot does not exist', async () => {
    const answer = await aws.ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: 'opsdesk-restore',
        overrides: {
          containerOverrides: [{ environment: [{ name: 'SNAPSHOT_ID', value: 'gone' }] }],
        },
      }),
    );
    const stopped = await untilStopped(answer.tasks![0].taskArn!);
    expect(stopped.containers![0]).toMatchObject({
      exitCode: 1,
      reason: 'Restore failed: snapshot gone not found',
    });
  });
});

describe('the deploy function', () => {
  it('rolls the services out to the image by digest and reports the commit', async () => {
    const answer = await invoke('opsdesk-deploy', {
      imageDigest: facts.latestImage.imageDigest,
      service: 'web',
    });
    expect(answer.StatusCode).toBe(200);
    expect(answer.FunctionError).toBeUndefined();
    const result = decode(answer.Payload);
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toMatchObject({
      imageDigest: facts.latestImage.imageDigest,
      commitHash: facts.latestImage.commitHash,
    });

    const { services } = await aws.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web'] }),
    );
    expect(services![0].taskDefinition).toBe(
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8',
    );
    expect(services![0].deployments).toHaveLength(1);
    expect(services![0].deployments![0].rolloutState).toBe('COMPLETED');
    const { taskArns } = await aws.ecs.send(new ListTasksCommand({ cluster, serviceName: 'web' }));
    const { tasks } = await aws.ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }));
    expect(tasks!.map((task) => task.containers![0].imageDigest)).toEqual([
      facts.latestImage.imageDigest,
      facts.latestImage.imageDigest,
    ]);

    const log = Buffer.from(answer.LogResult!, 'base64').toString('utf8');
    expect(log).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST/);
    expect(log).toContain('REPORT RequestId:');
  });

  it('answers a function error with status 200 when told to, and changes nothing', async () => {
    sandbox.controls.failNext('opsdesk-deploy', 'function-error');
    const answer = await invoke('opsdesk-deploy', { imageDigest: facts.latestImage.imageDigest });
    expect(answer.StatusCode).toBe(200);
    expect(answer.FunctionError).toBe('Unhandled');
    expect(decode(answer.Payload)).toMatchObject({
      errorType: 'Error',
      errorMessage: expect.stringContaining('Deployment failed'),
    });
    const { services } = await aws.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web'] }),
    );
    expect(services![0].taskDefinition).toBe(
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
    );
  });

  it('leaves a FAILED deployment and rolls back when the rollout fails', async () => {
    sandbox.controls.failNext('opsdesk-deploy', 'rollout-failed');
    const answer = await invoke('opsdesk-deploy', {
      imageDigest: facts.latestImage.imageDigest,
      service: 'web',
    });
    expect(answer.FunctionError).toBe('Unhandled');
    expect(decode(answer.Payload).errorType).toBe('DeploymentFailed');

    const { services } = await aws.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web'] }),
    );
    const failed = services![0].deployments!.find(
      (deployment) => deployment.rolloutState === 'FAILED',
    )!;
    expect(failed.failedTasks).toBe(2);
    expect(failed.rolloutStateReason).toBe(
      'ECS deployment circuit breaker: tasks failed to start.',
    );
    expect(services![0].taskDefinition).toBe(
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
    );
  });

  it('runs once per idempotency key', async () => {
    const payload = {
      imageDigest: facts.latestImage.imageDigest,
      service: 'worker',
      idempotencyKey: 'deploy-42',
    };
    const first = await invoke('opsdesk-deploy', payload);
    const second = await invoke('opsdesk-deploy', payload);
    expect(decode(second.Payload)).toEqual(decode(first.Payload));
    const { services } = await aws.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['worker'] }),
    );
    expect(services![0].taskDefinition).toBe(
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/worker:5',
    );
  });
});

describe('the rollback and backup functions', () => {
  it('rollback returns a service to the previous revision and its image', async () => {
    const answer = await invoke('opsdesk-rollback', { service: 'web' });
    expect(decode(answer.Payload).outputs).toMatchObject({
      imageDigest: facts.previousImage.imageDigest,
      commitHash: facts.previousImage.commitHash,
    });
    const { services } = await aws.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web'] }),
    );
    expect(services![0].taskDefinition).toBe(
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:6',
    );
  });

  it('backup starts a manual snapshot that shows progress until available', async () => {
    const answer = await invoke('opsdesk-backup', { snapshotId: 'practice-backup' });
    expect(decode(answer.Payload).outputs).toEqual({
      snapshotId: 'practice-backup',
      dbInstanceIdentifier: 'demo-db',
    });
    const describe = () =>
      aws.rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'practice-backup' }));
    const creating = (await describe()).DBSnapshots![0];
    expect(creating).toMatchObject({ Status: 'creating', SnapshotType: 'manual' });
    expect(creating.PercentProgress).toBeLessThan(100);
    const done = await waitFor(describe, (answer) => answer.DBSnapshots![0].Status === 'available');
    expect(done.DBSnapshots![0].PercentProgress).toBe(100);
  });
});

describe('the control API over HTTP', () => {
  it('arms faults, rejects nonsense, and resets', async () => {
    const post = (path: string, body: object) =>
      fetch(`${sandbox.endpoint}/_sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) });

    expect((await post('fail-next', { workflow: 'opsdesk-build', mode: 'failures' })).status).toBe(
      200,
    );
    expect((await runBuild()).failures![0].reason).toBe('RESOURCE:MEMORY');

    const wrongMode = await post('fail-next', {
      workflow: 'opsdesk-build',
      mode: 'function-error',
    });
    expect(wrongMode.status).toBe(400);
    expect((await wrongMode.json()).error).toContain('exit-1, failures');

    await invoke('opsdesk-rollback', { service: 'web' });
    expect((await post('reset', {})).status).toBe(200);
    const { services } = await aws.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web'] }),
    );
    expect(services![0].taskDefinition).toBe(
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
    );
    const factsAnswer = await (await fetch(`${sandbox.endpoint}/_sandbox/facts`)).json();
    expect(factsAnswer.runningImage).toEqual(facts.runningImage);
  });
});
