import {
  addServiceEvent,
  clusterArn,
  createTask,
  newDeployment,
  serviceArn,
  taskId,
} from '../ecsModel';
import { createRandom, hashSeed } from '../random';
import type { DemoFacts, ImageDetail, SandboxWorld } from '../state';
import { ACCOUNT, CLUSTER, HOUR_MS, REGION, REPOSITORY, REPOSITORY_URI } from './constants';
import { seedImages } from './images';
import { lambdaFunction } from './lambda';
import { demoLogStore } from './logs';
import { demoDbInstance, demoDbSnapshots } from './rds';
import { serviceDefinitions, workflowDefinitions } from './taskDefinitions';

/** What a world is generated from; the same values give the same demo account. */
export interface WorldOptions {
  seed: number;
  startedAt: number;
  logEventsPerGroup: number;
}

/** Builds the demo account: a cluster with two services, images, a database, workflows and logs. */
export function createWorld(options: WorldOptions): SandboxWorld {
  const { seed, startedAt } = options;
  const random = createRandom(hashSeed(seed, 'world'));
  const facts: DemoFacts = {
    accountId: ACCOUNT,
    region: REGION,
    callerArn: `arn:aws:sts::${ACCOUNT}:assumed-role/OpsdeskOperator/demo`,
    callerUserId: 'AROA3XFRBF23DEMO00001:demo',
    clusterName: CLUSTER,
    clusterArn: clusterArn(CLUSTER),
    services: ['web', 'worker'],
    repositoryName: REPOSITORY,
    repositoryUri: REPOSITORY_URI,
    runningImage: { commitHash: '', imageDigest: '' },
    previousImage: { commitHash: '', imageDigest: '' },
    latestImage: { commitHash: '', imageDigest: '' },
    dbInstanceIdentifier: 'demo-db',
    workflows: [
      { name: 'opsdesk-deploy', kind: 'lambda' },
      { name: 'opsdesk-rollback', kind: 'lambda' },
      { name: 'opsdesk-backup', kind: 'lambda' },
      { name: 'opsdesk-build', kind: 'ecs-task' },
      { name: 'opsdesk-restore', kind: 'ecs-task' },
    ],
    logGroups: [],
  };
  const world = {
    facts,
    random,
    ecs: { taskDefinitions: [], services: [], tasks: [], runTaskTokens: new Map() },
    ecr: {
      repositories: [
        {
          repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${REPOSITORY}`,
          registryId: ACCOUNT,
          repositoryName: REPOSITORY,
          repositoryUri: REPOSITORY_URI,
          createdAt: new Date(startedAt - 400 * 24 * HOUR_MS),
          imageTagMutability: 'MUTABLE',
        },
      ],
      images: [],
    },
    rds: { instances: [], snapshots: [] },
    lambda: {
      functions: [
        lambdaFunction('opsdesk-deploy', 'Deploys an image, pinned by digest, to a service', 300),
        lambdaFunction(
          'opsdesk-rollback',
          'Returns a service to its previous task definition',
          300,
        ),
        lambdaFunction('opsdesk-backup', 'Starts a manual snapshot of a database', 60),
      ],
      answers: new Map(),
    },
    insights: new Map(),
  } as unknown as SandboxWorld;

  const images = seedImages(seed, startedAt);
  world.ecr.images = images;
  const asImage = (image: ImageDetail) => ({
    commitHash: image.imageTags![0],
    imageDigest: image.imageDigest,
  });
  facts.previousImage = asImage(images[3]);
  facts.runningImage = asImage(images[4]);
  facts.latestImage = asImage(images[5]);

  const digests = [facts.previousImage.imageDigest, facts.runningImage.imageDigest];
  world.ecs.taskDefinitions = [
    ...serviceDefinitions('web', digests, startedAt),
    ...serviceDefinitions('worker', digests, startedAt),
    ...workflowDefinitions(startedAt),
  ];

  const deployedAt = images[4].imagePushedAt.getTime() + HOUR_MS;
  const taskIds: Record<string, string[]> = {};
  for (const [name, desiredCount] of [
    ['web', 2],
    ['worker', 1],
  ] as const) {
    const definition = world.ecs.taskDefinitions.find(
      (d) => d.family === name && d.revision === (name === 'web' ? 7 : 4),
    )!;
    const deployment = newDeployment(random, definition, desiredCount, deployedAt, 'COMPLETED');
    world.ecs.services.push({
      serviceArn: serviceArn(CLUSTER, name),
      serviceName: name,
      clusterArn: facts.clusterArn,
      status: 'ACTIVE',
      desiredCount,
      runningCount: desiredCount,
      pendingCount: 0,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      taskDefinition: definition.taskDefinitionArn,
      deployments: [deployment],
      events: [],
      createdAt: new Date(startedAt - 300 * 24 * HOUR_MS),
      createdBy: `arn:aws:iam::${ACCOUNT}:role/OpsdeskInfra`,
      schedulingStrategy: 'REPLICA',
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
      },
    });
    const service = world.ecs.services.at(-1)!;
    const tasks = Array.from({ length: desiredCount }, () =>
      createTask(world, {
        cluster: CLUSTER,
        definition,
        group: `service:${name}`,
        startedBy: deployment.id,
        lastStatus: 'RUNNING',
        imageDigest: facts.runningImage.imageDigest,
        createdAt: deployedAt,
      }),
    );
    taskIds[name] = tasks.map(taskId);
    const started = taskIds[name].map((id) => `(task ${id})`).join(' ');
    addServiceEvent(
      random,
      service,
      `(service ${name}) has started ${desiredCount} tasks: ${started}.`,
      deployedAt,
    );
    addServiceEvent(
      random,
      service,
      `(service ${name}) (deployment ${deployment.id}) deployment completed.`,
      deployedAt + 5 * 60_000,
    );
    addServiceEvent(
      random,
      service,
      `(service ${name}) has reached a steady state.`,
      deployedAt + 6 * 60_000,
    );
  }

  const resourceId = `db-${random.hex(26).toUpperCase()}`;
  world.rds.instances = [demoDbInstance(random, startedAt, resourceId)];
  world.rds.snapshots = demoDbSnapshots(startedAt, resourceId);

  world.logs = demoLogStore(random, seed, startedAt, options.logEventsPerGroup, {
    webTaskIds: taskIds.web,
    workerTaskIds: taskIds.worker,
  });
  facts.logGroups = world.logs.list().map((group) => group.name);
  return world;
}
