import { DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { ListTasksCommand } from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, connectionReset } from '../aws/fakes';
import {
  collect,
  ecrMock,
  ecsMock,
  rdsMock,
  serve,
  serviceNamed,
  settledAccount,
  type Account,
} from './mockedAccount';
import { digest, minutesAgo, snapshot, task } from './statusFixtures';

let account: Account;

beforeEach(() => {
  ecsMock.reset();
  ecrMock.reset();
  rdsMock.reset();
  account = settledAccount();
  serve(account);
});

describe('tasks', () => {
  it('keeps each container’s reason when a stopped task recorded no exit code', async () => {
    account.stopped.push(
      task('t5', {
        revision: 'web:7',
        group: 'service:web',
        startedBy: 'ecs-svc/1',
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'Essential container in task exited',
        stoppedAt: minutesAgo(10),
        containers: [
          {
            name: 'web',
            lastStatus: 'STOPPED',
            reason: 'CannotPullContainerError: pull access denied',
          },
        ],
      }),
    );

    const web = serviceNamed(await collect(), 'web');
    const stopped = web.tasks.find((candidate) => candidate.taskId === 't5')!;

    expect(stopped).toMatchObject({
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'Essential container in task exited',
      stoppedAt: minutesAgo(10).toISOString(),
    });
    expect(stopped.containers).toEqual([
      expect.objectContaining({
        containerName: 'web',
        exitCode: null,
        reason: 'CannotPullContainerError: pull access denied',
      }),
    ]);
    expect(web.tasks.map((candidate) => candidate.taskId)).toEqual(['t1', 't2', 't5']);
  });

  it('keeps the exit code of a container that ran and failed', async () => {
    account.stopped.push(
      task('t6', {
        revision: 'worker:4',
        group: 'service:worker',
        lastStatus: 'STOPPED',
        stoppedAt: minutesAgo(5),
        containers: [
          {
            name: 'worker',
            lastStatus: 'STOPPED',
            exitCode: 137,
            reason: 'OutOfMemoryError: Container killed due to memory usage',
          },
        ],
      }),
    );

    const worker = serviceNamed(await collect(), 'worker');

    expect(worker.tasks[1].containers[0]).toMatchObject({
      exitCode: 137,
      reason: 'OutOfMemoryError: Container killed due to memory usage',
    });
  });

  it('leaves out tasks stopped more than an hour ago', async () => {
    account.stopped.push(
      task('old', {
        revision: 'web:7',
        group: 'service:web',
        lastStatus: 'STOPPED',
        stoppedAt: minutesAgo(61),
        containers: [],
      }),
    );

    const web = serviceNamed(await collect(), 'web');

    expect(web.tasks.map((candidate) => candidate.taskId)).toEqual(['t1', 't2']);
  });

  it('shows one-shot workflow tasks apart from service tasks, and as in progress', async () => {
    account.running.push(
      task('b1', {
        revision: 'opsdesk-build:2',
        group: 'family:opsdesk-build',
        lastStatus: 'PROVISIONING',
        startedAt: undefined,
        containers: [{ name: 'build', lastStatus: 'PENDING' }],
      }),
    );

    const status = await collect();

    expect(status.workflowTasks.map((candidate) => candidate.taskId)).toEqual(['b1']);
    expect(
      status.services.flatMap((entry) => entry.tasks).map((candidate) => candidate.taskId),
    ).not.toContain('b1');
    expect(status.health.inProgress).toEqual(['opsdesk-build: task b1 provisioning']);
  });
});

describe('databases and snapshots', () => {
  it('describes the instance and lists manual, automated and AWS Backup snapshots newest first', async () => {
    account.backupSnapshots.push(snapshot('awsbackup:job-1234', 'awsbackup', 20 * 60));

    const [database] = (await collect()).databases;

    expect(database).toMatchObject({
      kind: 'instance',
      identifier: 'shop-db',
      status: 'available',
      engine: 'postgres',
      engineVersion: '16.4',
      instanceClass: 'db.t4g.medium',
      problem: null,
    });
    expect(database.snapshots.map((entry) => [entry.snapshotId, entry.origin])).toEqual([
      ['awsbackup:job-1234', 'awsbackup'],
      ['rds:shop-db-2026-12-02-03-10', 'automated'],
      ['shop-db-before-migration', 'manual'],
    ]);
  });

  it('shows a snapshot still being created first, with its progress', async () => {
    account.snapshots.push(
      snapshot('opsdesk-backup-1', 'manual', undefined, {
        Status: 'creating',
        PercentProgress: 40,
      }),
    );

    const [database] = (await collect()).databases;

    expect(database.snapshots[0]).toEqual({
      snapshotId: 'opsdesk-backup-1',
      origin: 'manual',
      status: 'creating',
      createdAt: null,
      allocatedGiB: 100,
      percentProgress: 40,
    });
  });
});

describe('when part of AWS cannot be read', () => {
  it('shows the rest and names the repository it could not list', async () => {
    ecrMock
      .on(DescribeImagesCommand)
      .rejects(
        awsError(
          'AccessDeniedException',
          'User: arn:aws:sts::123456789012:assumed-role/Ops/x is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:eu-west-1:123456789012:repository/shop/web',
        ),
      );

    const status = await collect();

    expect(status.repositories[0].problem).toMatch(
      /^Access denied: the role is not allowed ecr:DescribeImages/,
    );
    expect(status.problems).toEqual([`Images of shop/web: ${status.repositories[0].problem}`]);
    expect(serviceNamed(status, 'web').images[0]).toMatchObject({
      imageDigest: digest('a'),
      commitHash: null,
    });
  });

  it('fails as a whole when ECS cannot be reached, rather than look healthy', async () => {
    ecsMock.on(ListTasksCommand).rejects(connectionReset());

    await expect(collect()).rejects.toThrow(/ecs:ListTasks/);
  });
});
