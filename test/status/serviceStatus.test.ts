import { beforeEach, describe, expect, it } from 'vitest';
import { healthLine } from '../../src/shared/status';
import {
  REPOSITORY_URI,
  collect,
  ecrMock,
  ecsMock,
  rdsMock,
  serve,
  serviceNamed,
  settledAccount,
  webTask,
  type Account,
} from './mockedAccount';
import {
  commit,
  deployment,
  digest,
  minutesAgo,
  service,
  taskDefinitionArn,
  testEnvironment,
} from './statusFixtures';

let account: Account;

beforeEach(() => {
  ecsMock.reset();
  ecrMock.reset();
  rdsMock.reset();
  account = settledAccount();
  serve(account);
});

describe('what each service runs', () => {
  it('takes the digest its tasks report as the truth, not the tag the task definition names', async () => {
    const status = await collect();

    expect(serviceNamed(status, 'web').images).toEqual([
      {
        containerName: 'web',
        imageDigest: digest('a'),
        commitHash: commit('1'),
        imageReference: `${REPOSITORY_URI}:latest`,
      },
    ]);
    const images = status.repositories[0].images;
    expect(images.find((entry) => entry.tags.includes('latest'))?.runningIn).toEqual([]);
    expect(images.find((entry) => entry.imageDigest === digest('a'))?.runningIn).toEqual(['web']);
  });

  it('shows an image without a commit tag as an unknown commit', async () => {
    const status = await collect();

    expect(serviceNamed(status, 'worker').images[0]).toMatchObject({
      imageDigest: digest('c'),
      commitHash: null,
    });
    expect(status.health.runningCommits).toEqual([commit('1')]);
    expect(status.health.unknownCommit).toBe(true);
    expect(healthLine(status.health)).toBe(
      'All services healthy · running commit 1111111 and an unknown commit · nothing in progress',
    );
  });

  it('reports counts, the revision and the newest events of each service', async () => {
    const web = serviceNamed(await collect(), 'web');

    expect(web).toMatchObject({
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      taskDefinition: 'web:7',
    });
    expect(web.events).toEqual([
      {
        createdAt: minutesAgo(100).toISOString(),
        message: '(service web) has reached a steady state.',
      },
    ]);
  });

  it('lists repository images newest first with their commit, size and push time', async () => {
    const [repository] = (await collect()).repositories;

    expect(repository.images.map((entry) => entry.imageDigest)).toEqual([
      digest('c'),
      digest('b'),
      digest('a'),
    ]);
    expect(repository.images[1]).toMatchObject({
      commitHash: commit('2'),
      tags: [commit('2'), 'latest'],
      sizeBytes: 50_000_000,
      pushedAt: minutesAgo(100).toISOString(),
    });
  });
});

describe('deployments', () => {
  it('shows two deployments rolling out at once, each with the image its own tasks run', async () => {
    account.services[0] = service('web', {
      runningCount: 2,
      pendingCount: 1,
      taskDefinition: taskDefinitionArn('web:8'),
      deployments: [
        deployment({
          id: 'ecs-svc/9',
          revision: 'web:8',
          rolloutState: 'IN_PROGRESS',
          runningCount: 1,
          pendingCount: 1,
        }),
        deployment({
          id: 'ecs-svc/1',
          revision: 'web:7',
          status: 'ACTIVE',
          rolloutState: 'IN_PROGRESS',
          runningCount: 1,
        }),
      ],
    });
    account.running[1] = webTask('t9', 'ecs-svc/9', 'web:8', digest('b'));
    account.running.push(webTask('t10', 'ecs-svc/9', 'web:8'));

    const status = await collect();
    const web = serviceNamed(status, 'web');

    expect(
      web.deployments.map((entry) => [entry.taskDefinition, entry.status, entry.rolloutState]),
    ).toEqual([
      ['web:8', 'PRIMARY', 'IN_PROGRESS'],
      ['web:7', 'ACTIVE', 'IN_PROGRESS'],
    ]);
    expect(web.deployments.map((entry) => entry.images.map((one) => one.commitHash))).toEqual([
      [commit('2')],
      [commit('1')],
    ]);
    expect(web.images[0].commitHash).toBe(commit('2'));
    expect(status.health.inProgress).toEqual([
      'web: rolling out web:8 (1 of 2 running)',
      'web: rolling out web:7 (1 of 2 running)',
    ]);
    expect(status.health.healthy).toBe(true);
  });

  it('calls a failed deployment unhealthy and gives ECS its reason', async () => {
    account.services[0].deployments!.unshift(
      deployment({
        id: 'ecs-svc/5',
        revision: 'web:8',
        status: 'ACTIVE',
        rolloutState: 'FAILED',
        rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        failedTasks: 2,
        desiredCount: 0,
        runningCount: 0,
      }),
    );

    const status = await collect();

    expect(serviceNamed(status, 'web').deployments[0]).toMatchObject({
      rolloutState: 'FAILED',
      failedTasks: 2,
    });
    expect(status.health.healthy).toBe(false);
    expect(status.health.problems).toEqual([
      'web: deployment of web:8 failed: ECS deployment circuit breaker: tasks failed to start.',
    ]);
  });

  it('calls a service below its desired count unhealthy', async () => {
    account.services[1] = { ...account.services[1], desiredCount: 2 };

    const status = await collect();

    expect(status.health.problems).toEqual(['worker: 1 of 2 tasks running.']);
    expect(healthLine(status.health)).toMatch(/^1 problem · /);
  });

  it('marks a service ECS does not know as missing', async () => {
    const status = await collect(testEnvironment({ services: ['web', 'billing'] }));

    expect(serviceNamed(status, 'billing').status).toBe('MISSING');
    expect(status.health.problems).toEqual([
      'billing: ECS has no service of this name in the cluster.',
    ]);
  });

  it('falls back to a digest-pinned reference while no task of the deployment reports one', async () => {
    account.running = account.running.filter((candidate) => candidate.group !== 'service:worker');

    const worker = serviceNamed(await collect(), 'worker');

    expect(worker.images).toEqual([
      {
        containerName: 'worker',
        imageDigest: digest('c'),
        commitHash: null,
        imageReference: `${REPOSITORY_URI}@${digest('c')}`,
      },
    ]);
  });
});
