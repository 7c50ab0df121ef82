import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoFacts, RunningSandbox } from '../../src/sandbox';
import { startTestSandbox } from './sandboxClients';

const AWS_CLI = '/usr/bin/aws';
const cliInstalled = existsSync(AWS_CLI);
const run = promisify(execFile);

let sandbox: RunningSandbox;
let facts: DemoFacts;
let workDir: string;

/** Runs Debian's AWS CLI against the sandbox with throwaway credentials and no user config. */
async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    AWS_CLI,
    ['--endpoint-url', sandbox.endpoint, '--output', 'json', ...args],
    {
      env: {
        PATH: process.env.PATH,
        HOME: workDir,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_DEFAULT_REGION: 'eu-west-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      },
    },
  );
  return stdout.trim() ? JSON.parse(stdout) : {};
}

beforeAll(async () => {
  ({ sandbox } = await startTestSandbox());
  facts = sandbox.controls.facts();
  workDir = mkdtempSync(path.join(tmpdir(), 'opsdesk-cli-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(workDir, { recursive: true, force: true });
});

const title = cliInstalled
  ? 'the AWS CLI works against the sandbox'
  : `the AWS CLI works against the sandbox (SKIPPED: ${AWS_CLI} is missing; .ci/run installs Debian's awscli)`;

describe.skipIf(!cliInstalled)(title, () => {
  it('reads identity and ECS status', async () => {
    const cluster = ['--cluster', 'demo-cluster'];
    const [identity, services, described, tasks] = await Promise.all([
      aws('sts', 'get-caller-identity'),
      aws('ecs', 'list-services', ...cluster),
      aws('ecs', 'describe-services', ...cluster, '--services', 'web', 'worker'),
      aws('ecs', 'list-tasks', ...cluster, '--service-name', 'web'),
    ]);
    expect(identity).toMatchObject({ Account: '123456789012', Arn: facts.callerArn });
    expect(services.serviceArns).toHaveLength(2);
    expect(
      (described.services as { serviceName: string; runningCount: number }[]).map((s) => [
        s.serviceName,
        s.runningCount,
      ]),
    ).toEqual([
      ['web', 2],
      ['worker', 1],
    ]);

    const taskArns = tasks.taskArns as string[];
    const { tasks: detail } = (await aws(
      'ecs',
      'describe-tasks',
      ...cluster,
      '--tasks',
      ...taskArns,
    )) as {
      tasks: { lastStatus: string; startedAt: string; containers: { imageDigest: string }[] }[];
    };
    expect(detail.map((task) => task.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
    expect(detail[0].containers[0].imageDigest).toBe(facts.runningImage.imageDigest);
    expect(Date.parse(detail[0].startedAt)).toBeLessThan(Date.now());
  });

  it('starts a task', async () => {
    const started = (await aws(
      'ecs',
      'run-task',
      '--cluster',
      'demo-cluster',
      '--task-definition',
      'opsdesk-build',
    )) as {
      tasks: { lastStatus: string; group: string }[];
      failures: unknown[];
    };
    expect(started.tasks[0]).toMatchObject({
      lastStatus: 'PROVISIONING',
      group: 'family:opsdesk-build',
    });
    expect(started.failures).toEqual([]);
  });

  it('lists images and database snapshots', async () => {
    const [images, instances, snapshots] = await Promise.all([
      aws('ecr', 'describe-images', '--repository-name', 'demo/web'),
      aws('rds', 'describe-db-instances'),
      aws('rds', 'describe-db-snapshots', '--db-instance-identifier', 'demo-db'),
    ]);
    const details = images.imageDetails as { imageTags?: string[]; imagePushedAt: string }[];
    expect(
      details.filter((image) => image.imageTags?.includes(facts.runningImage.commitHash)),
    ).toHaveLength(1);
    expect(Date.parse(details[0].imagePushedAt)).toBeGreaterThan(0);
    expect(
      (instances.DBInstances as { DBInstanceIdentifier: string; Engine: string }[])[0],
    ).toMatchObject({
      DBInstanceIdentifier: 'demo-db',
      Engine: 'postgres',
    });
    const types = (snapshots.DBSnapshots as { SnapshotType: string }[]).map(
      (snapshot) => snapshot.SnapshotType,
    );
    expect(types.filter((type) => type === 'automated')).toHaveLength(3);
    expect(types.filter((type) => type === 'manual')).toHaveLength(2);
  });

  it('reads log groups and events', async () => {
    const [groups, errors, streams] = await Promise.all([
      aws('logs', 'describe-log-groups'),
      aws(
        'logs',
        'filter-log-events',
        '--log-group-name',
        '/ecs/demo/worker',
        '--filter-pattern',
        'ERROR',
      ),
      aws('logs', 'describe-log-streams', '--log-group-name', '/ecs/demo/worker'),
    ]);
    expect(
      (groups.logGroups as { logGroupName: string }[]).map((group) => group.logGroupName),
    ).toContain('/ecs/demo/web');
    const matched = errors.events as { message: string }[];
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.every((event) => event.message.includes('ERROR'))).toBe(true);

    const logStreamName = (streams.logStreams as { logStreamName: string }[])[0].logStreamName;
    const page = await aws(
      'logs',
      'get-log-events',
      '--log-group-name',
      '/ecs/demo/worker',
      '--log-stream-name',
      logStreamName,
      '--limit',
      '3',
    );
    expect(page.events).toHaveLength(3);
    expect(page.nextForwardToken).toMatch(/^f\/\d+\/s$/);
  });

  it('invokes a workflow function', async () => {
    const outfile = path.join(workDir, 'payload.json');
    const answer = await aws(
      'lambda',
      'invoke',
      '--function-name',
      'opsdesk-backup',
      '--cli-binary-format',
      'raw-in-base64-out',
      '--payload',
      '{"snapshotId":"cli-backup"}',
      '--log-type',
      'Tail',
      outfile,
    );
    expect(answer.StatusCode).toBe(200);
    expect(Buffer.from(String(answer.LogResult), 'base64').toString()).toContain('START RequestId');
    expect(JSON.parse(readFileSync(outfile, 'utf8')).outputs.snapshotId).toBe('cli-backup');
  });
});
