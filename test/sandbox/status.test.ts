import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import {
  DescribeImagesCommand,
  paginateDescribeImages,
  type ImageDetail,
} from '@aws-sdk/client-ecr';
import {
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
} from '@aws-sdk/client-rds';
import { GetFunctionCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import type { DemoFacts, RunningSandbox } from '../../src/sandbox';
import { startTestSandbox, type SandboxClients } from './sandboxClients';

let sandbox: RunningSandbox;
let aws: SandboxClients;
let facts: DemoFacts;
const cluster = 'demo-cluster';

beforeAll(async () => {
  ({ sandbox, aws } = await startTestSandbox());
  facts = sandbox.controls.facts();
});
afterAll(() => sandbox.close());

describe('STS', () => {
  it('names the demo operator as the caller', async () => {
    const identity = await aws.sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('123456789012');
    expect(identity.Arn).toBe('arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/demo');
    expect(identity.UserId).toMatch(/^AROA[A-Z0-9]+:demo$/);
  });
});

describe('ECS status of the demo cluster', () => {
  it('lists the two services', async () => {
    const listed = await aws.ecs.send(new ListServicesCommand({ cluster }));
    expect(listed.serviceArns).toEqual([
      'arn:aws:ecs:eu-west-1:123456789012:service/demo-cluster/web',
      'arn:aws:ecs:eu-west-1:123456789012:service/demo-cluster/worker',
    ]);
  });

  it('describes services with a settled deployment, its counts and events', async () => {
    const described = await aws.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web', 'worker', 'nope'] }),
    );
    const [web, worker] = described.services!;
    expect(web.desiredCount).toBe(2);
    expect(worker.runningCount).toBe(1);
    expect(web.deployments).toHaveLength(1);
    expect(web.deployments![0]).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'COMPLETED',
      failedTasks: 0,
      runningCount: 2,
    });
    expect(web.deployments![0].createdAt).toBeInstanceOf(Date);
    expect(web.events![0].message).toBe('(service web) has reached a steady state.');
    expect(described.failures).toEqual([{ arn: 'nope', reason: 'MISSING' }]);
  });

  it('lists running tasks per service and per family', async () => {
    const web = await aws.ecs.send(new ListTasksCommand({ cluster, serviceName: 'web' }));
    const worker = await aws.ecs.send(new ListTasksCommand({ cluster, family: 'worker' }));
    const stopped = await aws.ecs.send(new ListTasksCommand({ cluster, desiredStatus: 'STOPPED' }));
    expect(web.taskArns).toHaveLength(2);
    expect(worker.taskArns).toHaveLength(1);
    expect(stopped.taskArns).toEqual([]);
  });

  it('describes tasks running the image pinned by digest, healthy, with start times', async () => {
    const { taskArns } = await aws.ecs.send(new ListTasksCommand({ cluster, serviceName: 'web' }));
    const { tasks } = await aws.ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }));
    for (const task of tasks!) {
      expect(task.lastStatus).toBe('RUNNING');
      expect(task.healthStatus).toBe('HEALTHY');
      expect(task.startedAt!.getTime()).toBeLessThan(Date.now());
      expect(task.containers![0].imageDigest).toBe(facts.runningImage.imageDigest);
      expect(task.containers![0].image).toBe(
        `${facts.repositoryUri}@${facts.runningImage.imageDigest}`,
      );
    }
  });

  it('describes task definitions by family, revision and ARN, and lists them', async () => {
    const latest = await aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web' }));
    const previous = await aws.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'web:6' }),
    );
    expect(latest.taskDefinition!.revision).toBe(7);
    expect(previous.taskDefinition!.containerDefinitions![0].image).toContain(
      facts.previousImage.imageDigest,
    );
    expect(
      latest.taskDefinition!.containerDefinitions![0].logConfiguration!.options!['awslogs-group'],
    ).toBe('/ecs/demo/web');

    const build = await aws.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'opsdesk-' }));
    expect(build.taskDefinitionArns).toEqual([
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/opsdesk-build:2',
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/opsdesk-restore:1',
    ]);
    await expect(
      aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope' })),
    ).rejects.toMatchObject({
      name: 'ClientException',
    });
  });

  it('answers ClusterNotFoundException for another cluster', async () => {
    await expect(aws.ecs.send(new ListServicesCommand({ cluster: 'other' }))).rejects.toMatchObject(
      {
        name: 'ClusterNotFoundException',
        $metadata: { httpStatusCode: 400 },
      },
    );
  });
});

describe('ECR images', () => {
  it('tags every image but one with a 40-hex commit hash; the newest is also latest', async () => {
    const images: ImageDetail[] = [];
    for await (const page of paginateDescribeImages(
      { client: aws.ecr, pageSize: 2 },
      { repositoryName: 'demo/web' },
    )) {
      images.push(...page.imageDetails!);
    }
    expect(images).toHaveLength(6);
    expect(images.filter((image) => !image.imageTags)).toHaveLength(1);
    expect(images[0].imageTags).toEqual([facts.latestImage.commitHash, 'latest']);
    for (const image of images.filter((candidate) => candidate.imageTags)) {
      expect(image.imageTags![0]).toMatch(/^[0-9a-f]{40}$/);
      expect(image.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.imageSizeInBytes).toBeGreaterThan(40_000_000);
      expect(image.imagePushedAt).toBeInstanceOf(Date);
    }
  });

  it('finds the running image by digest and reports its commit', async () => {
    const found = await aws.ecr.send(
      new DescribeImagesCommand({
        repositoryName: 'demo/web',
        imageIds: [{ imageDigest: facts.runningImage.imageDigest }],
      }),
    );
    expect(found.imageDetails![0].imageTags).toEqual([facts.runningImage.commitHash]);
    await expect(
      aws.ecr.send(
        new DescribeImagesCommand({ repositoryName: 'demo/web', imageIds: [{ imageTag: 'nope' }] }),
      ),
    ).rejects.toMatchObject({ name: 'ImageNotFoundException' });
    await expect(
      aws.ecr.send(new DescribeImagesCommand({ repositoryName: 'other' })),
    ).rejects.toMatchObject({
      name: 'RepositoryNotFoundException',
    });
  });
});

describe('RDS', () => {
  it('describes the demo PostgreSQL instance', async () => {
    const { DBInstances } = await aws.rds.send(new DescribeDBInstancesCommand({}));
    expect(DBInstances).toHaveLength(1);
    expect(DBInstances![0]).toMatchObject({
      DBInstanceIdentifier: 'demo-db',
      Engine: 'postgres',
      DBInstanceStatus: 'available',
      MultiAZ: false,
    });
    expect(DBInstances![0].Endpoint!.Port).toBe(5432);
    expect(DBInstances![0].VpcSecurityGroups![0].Status).toBe('active');
    expect(DBInstances![0].InstanceCreateTime).toBeInstanceOf(Date);
  });

  it('lists three automated and two manual snapshots, filterable by type', async () => {
    const all = await aws.rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'demo-db' }),
    );
    const manual = await aws.rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'demo-db', SnapshotType: 'manual' }),
    );
    expect(all.DBSnapshots).toHaveLength(5);
    expect(
      all
        .DBSnapshots!.filter((snapshot) => snapshot.SnapshotType === 'automated')
        .map((s) => s.DBSnapshotIdentifier),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/^rds:demo-db-\d{4}-\d\d-\d\d-03-10$/)]),
    );
    expect(manual.DBSnapshots!.map((snapshot) => snapshot.DBSnapshotIdentifier)).toEqual([
      'demo-db-pre-release-2-3',
      'demo-db-before-migration-42',
    ]);
    expect(manual.DBSnapshots![0]).toMatchObject({
      Status: 'available',
      PercentProgress: 100,
      Engine: 'postgres',
    });
  });

  it('has no clusters, and answers RDS not-found errors', async () => {
    expect((await aws.rds.send(new DescribeDBClustersCommand({}))).DBClusters).toEqual([]);
    expect(
      (await aws.rds.send(new DescribeDBClusterSnapshotsCommand({}))).DBClusterSnapshots,
    ).toEqual([]);
    await expect(
      aws.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' })),
    ).rejects.toMatchObject({
      name: 'DBInstanceNotFoundFault',
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe('Lambda functions', () => {
  it('lists the three workflow functions and describes one', async () => {
    const { Functions } = await aws.lambda.send(new ListFunctionsCommand({}));
    expect(Functions!.map((fn) => fn.FunctionName)).toEqual([
      'opsdesk-deploy',
      'opsdesk-rollback',
      'opsdesk-backup',
    ]);
    const deploy = await aws.lambda.send(
      new GetFunctionCommand({ FunctionName: 'opsdesk-deploy' }),
    );
    expect(deploy.Configuration).toMatchObject({
      Runtime: 'nodejs20.x',
      State: 'Active',
      Timeout: 300,
    });
    await expect(
      aws.lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe('the wire', () => {
  it('answers unknown operations as AWS does, with a request id', async () => {
    const json = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: {
        'X-Amz-Target': 'AmazonEC2ContainerServiceV20141113.UpdateService',
        'Content-Type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(json.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(json.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await json.json()).__type).toBe('UnknownOperationException');

    const query = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=DeleteDBInstance&Version=2014-10-31',
    });
    expect(query.status).toBe(400);
    expect(await query.text()).toContain('<Code>InvalidAction</Code>');
  });
});
