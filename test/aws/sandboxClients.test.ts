import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../src/main/aws';
import { sandboxEnvironment } from '../../src/main/environments';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import type { LambdaWorkflow } from '../../src/shared/environments';

describe('the client layer against the local sandbox', () => {
  let sandbox: RunningSandbox;
  let clients: AwsClients;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    clients = createAwsClients(sandboxEnvironment(sandbox.endpoint));
  });

  afterAll(async () => {
    clients?.destroy();
    await sandbox?.close();
  });

  it('reads the caller identity of the demo account over the STS Query protocol', async () => {
    const identity = await clients.sts.getCallerIdentity();

    expect(identity.account).toBe('123456789012');
    expect(identity.arn).toMatch(/^arn:aws:(sts|iam)::123456789012:/);
  });

  it('lists the services of the demo cluster over the ECS JSON protocol', async () => {
    const serviceArns = await clients.ecs.listServices();

    expect(serviceArns.map((arn) => arn.split('/').pop()).sort()).toEqual(['web', 'worker']);
  });

  it('lists the images of the demo repository, tagged with commit hashes', async () => {
    const images = await clients.ecr.describeImages('demo/web');

    expect(images.length).toBeGreaterThan(0);
    expect(images.flatMap((image) => image.imageTags ?? [])).toContainEqual(
      expect.stringMatching(/^[0-9a-f]{40}$/),
    );
    expect(images.every((image) => image.imageDigest?.startsWith('sha256:'))).toBe(true);
  });

  it('lists the snapshots of the demo database over the RDS Query protocol', async () => {
    const snapshots = await clients.rds.describeDbSnapshots('demo-db');

    expect(snapshots.length).toBeGreaterThan(0);
    expect(new Set(snapshots.map((snapshot) => snapshot.DBInstanceIdentifier))).toEqual(
      new Set(['demo-db']),
    );
  });

  it('finds the demo log groups', async () => {
    const groups = await clients.logs.describeLogGroups('/ecs/demo/');

    expect(groups.map((group) => group.logGroupName).sort()).toEqual([
      '/ecs/demo/web',
      '/ecs/demo/worker',
    ]);
  });

  it('invokes a workflow function, and a repeated idempotency key runs nothing new', async () => {
    const backup = sandboxEnvironment().workflows.find(
      (workflow): workflow is LambdaWorkflow => workflow.id === 'backup',
    );
    if (!backup) throw new Error('the sandbox has a backup workflow');

    const first = await clients.lambda.invoke(backup, {}, 'backup-run-1');
    const again = await clients.lambda.invoke(backup, {}, 'backup-run-1');

    expect(first.outcome).toBe('succeeded');
    const snapshotId = (first.payload as { outputs: { snapshotId: string } }).outputs.snapshotId;
    expect(again.payload).toEqual(first.payload);
    const snapshots = await clients.rds.describeDbSnapshots('demo-db');
    expect(
      snapshots.filter((snapshot) => snapshot.DBSnapshotIdentifier === snapshotId),
    ).toHaveLength(1);
  });
});
