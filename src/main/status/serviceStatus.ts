import type { Deployment, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import type { Environment } from '../../shared/environments';
import type {
  ContainerImage,
  DeploymentStatus,
  ServiceStatus,
  TaskStatus,
} from '../../shared/status';
import type { AwsClients } from '../aws';
import type { CommitLookup } from './images';
import type { RateBudget } from './rateBudget';
import { pinnedDigest, revisionOf } from './taskStatus';

/** How many of a service's events status shows. */
export const SERVICE_EVENTS_SHOWN = 8;

/** Task definitions by ARN; a revision never changes, so they are asked once. */
export type TaskDefinitionCache = Map<string, Promise<TaskDefinition>>;

/**
 * The environment's services: counts, deployments, images by digest and
 * commit, tasks and recent events. A name ECS does not know is MISSING.
 */
export async function listServices(
  clients: Pick<AwsClients, 'ecs'>,
  environment: Pick<Environment, 'services'>,
  tasksByService: ReadonlyMap<string, TaskStatus[]>,
  commitOf: CommitLookup,
  budget: RateBudget,
  taskDefinitions: TaskDefinitionCache = new Map(),
): Promise<ServiceStatus[]> {
  if (environment.services.length === 0) return [];
  const { services } = await budget.run((options) =>
    clients.ecs.describeServices(environment.services, options),
  );

  const describeDefinition = (arn: string) => {
    let definition = taskDefinitions.get(arn);
    if (!definition) {
      definition = budget.run((options) => clients.ecs.describeTaskDefinition(arn, options));
      // A failed lookup must not be remembered: the next refresh asks again.
      definition.catch(() => taskDefinitions.delete(arn));
      taskDefinitions.set(arn, definition);
    }
    return definition;
  };

  return Promise.all(
    environment.services.map(async (name) => {
      const service = services.find((candidate) => candidate.serviceName === name);
      const tasks = tasksByService.get(name) ?? [];
      if (!service) return missingService(name, tasks);
      const deployments = await Promise.all(
        (service.deployments ?? []).map(async (deployment) =>
          toDeploymentStatus(
            deployment,
            // Without the definition the tasks still tell what runs; only references are lost.
            deployment.taskDefinition
              ? await describeDefinition(deployment.taskDefinition).catch(() => undefined)
              : undefined,
            tasks,
            commitOf,
          ),
        ),
      );
      return toServiceStatus(service, deployments, tasks);
    }),
  );
}

function toServiceStatus(
  service: Service,
  deployments: DeploymentStatus[],
  tasks: TaskStatus[],
): ServiceStatus {
  const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
  return {
    serviceName: service.serviceName ?? '',
    status: service.status ?? 'unknown',
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    pendingCount: service.pendingCount ?? 0,
    taskDefinition: service.taskDefinition ? revisionOf(service.taskDefinition) : null,
    deployments,
    images: primary?.images ?? [],
    tasks,
    events: (service.events ?? []).slice(0, SERVICE_EVENTS_SHOWN).map((event) => ({
      createdAt: event.createdAt?.toISOString() ?? null,
      message: event.message ?? '',
    })),
  };
}

function missingService(serviceName: string, tasks: TaskStatus[]): ServiceStatus {
  return {
    serviceName,
    status: 'MISSING',
    desiredCount: 0,
    runningCount: 0,
    pendingCount: 0,
    taskDefinition: null,
    deployments: [],
    images: [],
    tasks,
    events: [],
  };
}

function toDeploymentStatus(
  deployment: Deployment,
  definition: TaskDefinition | undefined,
  tasks: TaskStatus[],
  commitOf: CommitLookup,
): DeploymentStatus {
  return {
    deploymentId: deployment.id ?? '',
    status: deployment.status ?? 'unknown',
    rolloutState: deployment.rolloutState ?? null,
    rolloutStateReason: deployment.rolloutStateReason ?? null,
    taskDefinition: revisionOf(deployment.taskDefinition),
    desiredCount: deployment.desiredCount ?? 0,
    runningCount: deployment.runningCount ?? 0,
    pendingCount: deployment.pendingCount ?? 0,
    failedTasks: deployment.failedTasks ?? 0,
    createdAt: deployment.createdAt?.toISOString() ?? null,
    updatedAt: deployment.updatedAt?.toISOString() ?? null,
    images: deploymentImages(deployment, definition, tasks, commitOf),
  };
}

/**
 * The images a deployment runs: what its live tasks report, by digest.
 *
 * A task definition may name an image by a mutable tag, so its text is not
 * proof of what runs; only when no task reports a digest yet (a rollout
 * still pulling) does a reference pinned by digest stand in.
 */
function deploymentImages(
  deployment: Deployment,
  definition: TaskDefinition | undefined,
  tasks: TaskStatus[],
  commitOf: CommitLookup,
): ContainerImage[] {
  const live = tasks.filter(
    (task) => task.startedBy === deployment.id && task.lastStatus !== 'STOPPED',
  );
  const references = new Map(
    (definition?.containerDefinitions ?? []).map((container) => [
      container.name ?? '',
      container.image ?? '',
    ]),
  );
  for (const task of live) {
    for (const container of task.containers) {
      if (!references.has(container.containerName)) references.set(container.containerName, '');
    }
  }

  const images: ContainerImage[] = [];
  for (const [containerName, imageReference] of references) {
    const reported = new Set(
      live.flatMap((task) =>
        task.containers
          .filter((candidate) => candidate.containerName === containerName)
          .flatMap((candidate) => (candidate.imageDigest ? [candidate.imageDigest] : [])),
      ),
    );
    const digests = reported.size > 0 ? [...reported] : [pinnedDigest(imageReference)];
    for (const imageDigest of digests) {
      images.push({
        containerName,
        imageDigest,
        commitHash: commitOf(imageDigest),
        imageReference,
      });
    }
  }
  return images;
}
