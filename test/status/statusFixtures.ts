// Builders for the status tests: the real client layer over mocked SDK
// clients, an environment, and AWS-shaped answers with only the fields that matter.
import { ECRClient, type ImageDetail } from '@aws-sdk/client-ecr';
import {
  ECSClient,
  type Container,
  type Deployment,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import { RDSClient, type DBSnapshot } from '@aws-sdk/client-rds';
import { EcrOperations, EcsOperations, RdsOperations } from '../../src/main/aws';
import { createRateBudget } from '../../src/main/status';
import { environmentSchema, type Environment } from '../../src/shared/environments';
import { recordingPolicy, TEST_CREDENTIALS } from '../aws/fakes';

const clientConfig = { region: 'eu-west-1', credentials: TEST_CREDENTIALS };
const ARN = 'arn:aws:ecs:eu-west-1:123456789012';

/** The clock every status test reads: 3 Dec 2026 12:00 UTC. */
export const NOW = Date.parse('2026-12-03T12:00:00Z');

/** A commit hash made of one repeated hex character, easy to tell apart. */
export const commit = (character: string) => character.repeat(40);

/** A digest made of one repeated hex character. */
export const digest = (character: string) => `sha256:${character.repeat(64)}`;

/** Minutes before NOW, as a Date. */
export const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000);

/** An environment with two services, one repository, one database and a build workflow. */
export function testEnvironment(overrides: Record<string, unknown> = {}): Environment {
  return environmentSchema.parse({
    name: 'prod',
    region: 'eu-west-1',
    cluster: 'prod-cluster',
    services: ['web', 'worker'],
    ecrRepositories: ['shop/web'],
    databases: { instances: ['shop-db'] },
    workflows: [
      {
        id: 'build',
        kind: 'ecs-task',
        action: 'build',
        taskDefinitionFamily: 'opsdesk-build',
        containerName: 'build',
        subnets: ['subnet-1'],
      },
    ],
    ...overrides,
  });
}

/** The client layer on SDK clients that aws-sdk-client-mock intercepts. */
export function testClients() {
  return {
    ecs: new EcsOperations(new ECSClient(clientConfig), 'prod-cluster', recordingPolicy()),
    ecr: new EcrOperations(new ECRClient(clientConfig), recordingPolicy()),
    rds: new RdsOperations(new RDSClient(clientConfig), recordingPolicy()),
  };
}

/** A rate budget that never waits, for tests not about the budget. */
export const freeBudget = () =>
  createRateBudget({ burst: 1000, ratePerSecond: 1000, sleep: async () => undefined });

/** An ECR image. */
export function image(
  imageDigest: string,
  tags: string[] | undefined,
  pushedMinutesAgo: number,
): ImageDetail {
  return {
    imageDigest,
    ...(tags ? { imageTags: tags } : {}),
    imagePushedAt: minutesAgo(pushedMinutesAgo),
    imageSizeInBytes: 50_000_000,
  };
}

/** A task definition ARN. */
export const taskDefinitionArn = (revision: string) => `${ARN}:task-definition/${revision}`;

/** A service deployment. */
export function deployment(
  fields: Partial<Deployment> & { id: string; revision: string },
): Deployment {
  const { revision, ...rest } = fields;
  return {
    status: 'PRIMARY',
    taskDefinition: taskDefinitionArn(revision),
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    failedTasks: 0,
    rolloutState: 'COMPLETED',
    createdAt: minutesAgo(120),
    updatedAt: minutesAgo(110),
    ...rest,
  };
}

/** An ECS service. */
export function service(name: string, fields: Partial<Service> = {}): Service {
  return {
    serviceName: name,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    events: [
      {
        id: 'e1',
        createdAt: minutesAgo(100),
        message: `(service ${name}) has reached a steady state.`,
      },
    ],
    ...fields,
  };
}

/** An ECS task of a service deployment or a workflow. */
export function task(
  id: string,
  fields: Partial<Task> & { revision: string; containers: Container[] },
): Task {
  const { revision, ...rest } = fields;
  return {
    taskArn: `${ARN}:task/prod-cluster/${id}`,
    taskDefinitionArn: taskDefinitionArn(revision),
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    createdAt: minutesAgo(115),
    startedAt: minutesAgo(114),
    ...rest,
  };
}

/** An RDS snapshot. */
export function snapshot(
  identifier: string,
  type: string,
  createdMinutesAgo: number | undefined,
  fields: Partial<DBSnapshot> = {},
): DBSnapshot {
  return {
    DBSnapshotIdentifier: identifier,
    DBInstanceIdentifier: 'shop-db',
    SnapshotType: type,
    Status: 'available',
    AllocatedStorage: 100,
    PercentProgress: 100,
    ...(createdMinutesAgo === undefined
      ? {}
      : { SnapshotCreateTime: minutesAgo(createdMinutesAgo) }),
    ...fields,
  };
}
