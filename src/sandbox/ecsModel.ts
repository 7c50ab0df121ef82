import type { Random } from './random';
import type {
  ContainerDefinition,
  EcsService,
  EcsTask,
  KeyValue,
  SandboxWorld,
  ServiceDeployment,
  TaskDefinition,
} from './state';

const ARN_PREFIX = 'arn:aws:ecs:eu-west-1:123456789012';

/** The ARN of a cluster. */
export const clusterArn = (cluster: string) => `${ARN_PREFIX}:cluster/${cluster}`;
/** The ARN of a service (long ARN format, with the cluster). */
export const serviceArn = (cluster: string, service: string) =>
  `${ARN_PREFIX}:service/${cluster}/${service}`;
/** The ARN of a task definition revision. */
export const taskDefinitionArn = (family: string, revision: number) =>
  `${ARN_PREFIX}:task-definition/${family}:${revision}`;

/** The last part of an ARN or a plain name (`…/demo-cluster` → `demo-cluster`). */
export function lastArnPart(nameOrArn: string): string {
  return nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1);
}

/** Finds a task definition by family (latest ACTIVE revision), `family:revision` or ARN. */
export function findTaskDefinition(
  world: SandboxWorld,
  reference: string,
): TaskDefinition | undefined {
  const [family, revision] = lastArnPart(reference).split(':');
  const revisions = world.ecs.taskDefinitions.filter((definition) => definition.family === family);
  if (revision !== undefined)
    return revisions.find((definition) => definition.revision === Number(revision));
  return revisions
    .filter((definition) => definition.status === 'ACTIVE')
    .sort((a, b) => b.revision - a.revision)[0];
}

/** Registers a new revision of `base`'s family whose containers run `image`. */
export function registerRevision(
  world: SandboxWorld,
  base: TaskDefinition,
  image: string,
  now: number,
): TaskDefinition {
  const revision =
    Math.max(
      ...world.ecs.taskDefinitions.filter((d) => d.family === base.family).map((d) => d.revision),
    ) + 1;
  const definition: TaskDefinition = {
    ...base,
    taskDefinitionArn: taskDefinitionArn(base.family, revision),
    revision,
    registeredAt: new Date(now),
    containerDefinitions: base.containerDefinitions.map((container) => ({ ...container, image })),
  };
  world.ecs.taskDefinitions.push(definition);
  return definition;
}

/** A container definition writing to CloudWatch Logs through the awslogs driver. */
export function containerDefinition(
  name: string,
  image: string,
  logGroup: string,
  environment: KeyValue[],
  command?: string[],
): ContainerDefinition {
  return {
    name,
    image,
    essential: true,
    cpu: 0,
    memory: 1024,
    ...(command ? { command } : {}),
    environment,
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': logGroup,
        'awslogs-region': 'eu-west-1',
        'awslogs-stream-prefix': name,
      },
    },
  };
}

/** A deployment id as ECS writes them, `ecs-svc/` and 19 digits. */
export function deploymentId(random: Random): string {
  return `ecs-svc/${String(random.int(1, 9))}${Array.from({ length: 18 }, () => random.int(0, 9)).join('')}`;
}

/** A new deployment of `definition` for a service. */
export function newDeployment(
  random: Random,
  definition: TaskDefinition,
  desiredCount: number,
  now: number,
  rolloutState: ServiceDeployment['rolloutState'],
): ServiceDeployment {
  const id = deploymentId(random);
  return {
    id,
    status: 'PRIMARY',
    taskDefinition: definition.taskDefinitionArn,
    desiredCount,
    pendingCount: rolloutState === 'IN_PROGRESS' ? desiredCount : 0,
    runningCount: rolloutState === 'IN_PROGRESS' ? 0 : desiredCount,
    failedTasks: 0,
    createdAt: new Date(now),
    updatedAt: new Date(now),
    launchType: 'FARGATE',
    rolloutState,
    rolloutStateReason:
      rolloutState === 'COMPLETED'
        ? `ECS deployment ${id} completed.`
        : `ECS deployment ${id} in progress.`,
  };
}

/** Adds a service event, newest first as ECS lists them. */
export function addServiceEvent(
  random: Random,
  service: EcsService,
  message: string,
  now: number,
): void {
  service.events.unshift({ id: seededId(random), createdAt: new Date(now), message });
  service.events.length = Math.min(service.events.length, 100);
}

function seededId(random: Random): string {
  const hex = random.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Options of a task being created. */
export interface NewTask {
  cluster: string;
  definition: TaskDefinition;
  group: string;
  startedBy?: string;
  environment?: KeyValue[];
  /** RUNNING for seeded service replicas; PROVISIONING for a task just started. */
  lastStatus: 'RUNNING' | 'PROVISIONING';
  imageDigest?: string;
  createdAt: number;
}

/** Creates a task, in ECS's wire shape, and adds it to the world. */
export function createTask(world: SandboxWorld, options: NewTask): EcsTask {
  const random = world.random;
  const taskId = random.hex(32);
  const taskArn = `${ARN_PREFIX}:task/${options.cluster}/${taskId}`;
  const running = options.lastStatus === 'RUNNING';
  const created = new Date(options.createdAt);
  const started = running ? new Date(options.createdAt + 40_000) : undefined;
  const definition = options.definition;

  const task: EcsTask = {
    taskArn,
    clusterArn: clusterArn(options.cluster),
    taskDefinitionArn: definition.taskDefinitionArn,
    lastStatus: options.lastStatus,
    desiredStatus: 'RUNNING',
    containers: definition.containerDefinitions.map((container) => ({
      containerArn: `${ARN_PREFIX}:container/${options.cluster}/${taskId}/${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`,
      taskArn,
      name: container.name,
      image: container.image,
      ...(options.imageDigest ? { imageDigest: options.imageDigest } : {}),
      ...(running ? { runtimeId: `${taskId}-${random.int(1000000000, 4294967295)}` } : {}),
      lastStatus: running ? 'RUNNING' : 'PENDING',
      healthStatus: running ? 'HEALTHY' : 'UNKNOWN',
      cpu: '0',
      memory: String(container.memory),
    })),
    createdAt: created,
    ...(running
      ? {
          pullStartedAt: new Date(options.createdAt + 8000),
          pullStoppedAt: new Date(options.createdAt + 30_000),
        }
      : {}),
    ...(started ? { startedAt: started } : {}),
    group: options.group,
    ...(options.startedBy ? { startedBy: options.startedBy } : {}),
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    cpu: definition.cpu,
    memory: definition.memory,
    healthStatus: running ? 'HEALTHY' : 'UNKNOWN',
    availabilityZone: random.pick(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']),
    connectivity: running ? 'CONNECTED' : 'CONNECTING',
    overrides: {
      containerOverrides: options.environment
        ? [{ name: definition.containerDefinitions[0].name, environment: options.environment }]
        : [],
    },
    version: running ? 3 : 1,
  };
  world.ecs.tasks.push(task);
  return task;
}

/** The id at the end of a task ARN, which is also the end of its log stream's name. */
export const taskId = (task: EcsTask) => lastArnPart(task.taskArn);

/** Stops a task now, as the scheduler or a user does. */
export function stopTask(
  task: EcsTask,
  now: number,
  stopCode: NonNullable<EcsTask['stopCode']>,
  stoppedReason: string,
): void {
  if (task.lastStatus === 'STOPPED') return;
  task.desiredStatus = 'STOPPED';
  task.lastStatus = 'STOPPED';
  task.stoppingAt = task.stoppingAt ?? new Date(now);
  task.executionStoppedAt = new Date(now);
  task.stoppedAt = new Date(now);
  task.stopCode = stopCode;
  task.stoppedReason = stoppedReason;
  task.connectivity = 'DISCONNECTED';
  task.version++;
  for (const container of task.containers) {
    container.lastStatus = 'STOPPED';
    if (container.exitCode === undefined)
      container.exitCode = stopCode === 'EssentialContainerExited' ? 0 : 143;
  }
}
