// The mocked AWS account the status collection tests read: the real client
// layer over aws-sdk-client-mock, answering from an editable account.
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import {
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  type DBSnapshot,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { collectStatus } from '../../src/main/status';
import type { StatusSnapshot } from '../../src/shared/status';
import {
  NOW,
  commit,
  deployment,
  digest,
  freeBudget,
  image,
  service,
  snapshot,
  task,
  taskDefinitionArn,
  testClients,
  testEnvironment,
} from './statusFixtures';

/** The SDK mocks; tests override single answers on them. */
export const ecsMock = mockClient(ECSClient);
export const ecrMock = mockClient(ECRClient);
export const rdsMock = mockClient(RDSClient);

/** Where the account's images are pulled from. */
export const REPOSITORY_URI = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web';

/** What the mocked account answers; each test changes only what it is about. */
export interface Account {
  images: ReturnType<typeof image>[];
  services: Service[];
  running: Task[];
  stopped: Task[];
  snapshots: DBSnapshot[];
  backupSnapshots: DBSnapshot[];
}

/**
 * The settled account: web runs commit 1 (image a) from a task definition that
 * names the mutable `latest` tag, which now points at image b; worker runs the
 * untagged image c, pinned by digest.
 */
export function settledAccount(): Account {
  return {
    images: [
      image(digest('a'), [commit('1')], 3000),
      image(digest('b'), [commit('2'), 'latest'], 100),
      image(digest('c'), undefined, 50),
    ],
    services: [
      service('web', {
        deployments: [deployment({ id: 'ecs-svc/1', revision: 'web:7' })],
        taskDefinition: taskDefinitionArn('web:7'),
      }),
      service('worker', {
        desiredCount: 1,
        runningCount: 1,
        taskDefinition: taskDefinitionArn('worker:4'),
        deployments: [
          deployment({ id: 'ecs-svc/2', revision: 'worker:4', desiredCount: 1, runningCount: 1 }),
        ],
      }),
    ],
    running: [
      webTask('t1', 'ecs-svc/1', 'web:7', digest('a')),
      webTask('t2', 'ecs-svc/1', 'web:7', digest('a')),
      task('t3', {
        revision: 'worker:4',
        group: 'service:worker',
        startedBy: 'ecs-svc/2',
        containers: [{ name: 'worker', imageDigest: digest('c'), lastStatus: 'RUNNING' }],
      }),
    ],
    stopped: [],
    snapshots: [
      snapshot('rds:shop-db-2026-12-02-03-10', 'automated', 33 * 60),
      snapshot('shop-db-before-migration', 'manual', 9 * 24 * 60),
    ],
    backupSnapshots: [],
  };
}

/** A running task of the web service under a deployment. */
export function webTask(
  id: string,
  deploymentId: string,
  revision: string,
  imageDigest?: string,
): Task {
  return task(id, {
    revision,
    group: 'service:web',
    startedBy: deploymentId,
    containers: [{ name: 'web', lastStatus: 'RUNNING', ...(imageDigest ? { imageDigest } : {}) }],
  });
}

/** Makes the mocks answer from `account`, read at each call so tests may edit it. */
export function serve(account: Account) {
  ecrMock.on(DescribeImagesCommand).resolves({ imageDetails: account.images });
  ecsMock
    .on(ListTasksCommand)
    .callsFake((input: { desiredStatus?: string }) => ({
      taskArns: (input.desiredStatus === 'STOPPED' ? account.stopped : account.running).map(
        (candidate) => candidate.taskArn,
      ),
    }))
    .on(DescribeTasksCommand)
    .callsFake((input: { tasks: string[] }) => ({
      tasks: [...account.running, ...account.stopped].filter((candidate) =>
        input.tasks.includes(candidate.taskArn ?? ''),
      ),
    }))
    .on(DescribeServicesCommand)
    .callsFake((input: { services: string[] }) => ({
      services: account.services.filter((candidate) =>
        input.services.includes(candidate.serviceName ?? ''),
      ),
      failures: input.services
        .filter((name) => !account.services.some((candidate) => candidate.serviceName === name))
        .map((name) => ({ arn: name, reason: 'MISSING' })),
    }))
    .on(DescribeTaskDefinitionCommand)
    .callsFake((input: { taskDefinition: string }) => {
      const revision = input.taskDefinition.slice(input.taskDefinition.lastIndexOf('/') + 1);
      const family = revision.split(':')[0];
      const reference =
        family === 'worker' ? `${REPOSITORY_URI}@${digest('c')}` : `${REPOSITORY_URI}:latest`;
      return {
        taskDefinition: {
          taskDefinitionArn: input.taskDefinition,
          family,
          containerDefinitions: [{ name: family, image: reference }],
        },
      };
    });
  rdsMock
    .on(DescribeDBInstancesCommand)
    .resolves({
      DBInstances: [
        {
          DBInstanceIdentifier: 'shop-db',
          DBInstanceStatus: 'available',
          Engine: 'postgres',
          EngineVersion: '16.4',
          DBInstanceClass: 'db.t4g.medium',
        },
      ],
    })
    .on(DescribeDBSnapshotsCommand)
    .callsFake((input: { SnapshotType?: string }) => ({
      DBSnapshots: input.SnapshotType === 'awsbackup' ? account.backupSnapshots : account.snapshots,
    }));
}

/** Collects the status of the mocked account at NOW. */
export function collect(environment = testEnvironment()): Promise<StatusSnapshot> {
  return collectStatus({
    environment,
    clients: testClients(),
    budget: freeBudget(),
    now: () => NOW,
  });
}

/** The status of one service by name. */
export const serviceNamed = (status: StatusSnapshot, name: string) =>
  status.services.find((candidate) => candidate.serviceName === name)!;
