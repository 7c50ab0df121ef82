import type { Environment } from '../../shared/environments';
import type { ServiceStatus, StatusSnapshot } from '../../shared/status';
import type { AwsClients } from '../aws';
import { listClusterTasks } from './clusterTasks';
import { listDatabases } from './databases';
import { summarizeHealth } from './health';
import { commitLookup, listImages, markRunningImages } from './images';
import type { RateBudget } from './rateBudget';
import { listServices, type TaskDefinitionCache } from './serviceStatus';

/** What one status collection reads from. */
export interface StatusSources {
  environment: Environment;
  clients: Pick<AwsClients, 'ecs' | 'ecr' | 'rds'>;
  budget: RateBudget;
  /** Kept between collections: task definition revisions never change. */
  taskDefinitions?: TaskDefinitionCache;
  now?: () => number;
}

/**
 * Reads the whole status of an environment once.
 *
 * Images come first because every running digest is mapped to a commit
 * through them. A repository or database that cannot be read is reported
 * and the rest shown; when ECS cannot be read the collection fails, since a
 * status without its services would look healthy when it is not known.
 */
export async function collectStatus(sources: StatusSources): Promise<StatusSnapshot> {
  const { environment, clients, budget } = sources;
  const now = sources.now ?? Date.now;

  const databasesRead = listDatabases(clients, environment, budget);
  // Awaited below; a rejection is impossible (each database catches its own) but
  // must not surface as unhandled while ECS is read.
  databasesRead.catch(() => undefined);
  const repositories = await listImages(clients, environment, budget);
  const commitOf = commitLookup(repositories);

  const tasks = await listClusterTasks(clients, environment, commitOf, budget, now());
  const services = await listServices(
    clients,
    environment,
    tasks.byService,
    commitOf,
    budget,
    sources.taskDefinitions,
  );
  const databases = await databasesRead;

  const problems = [
    ...repositories.flatMap((repository) =>
      repository.problem ? [`Images of ${repository.repositoryName}: ${repository.problem}`] : [],
    ),
    ...databases.flatMap((database) =>
      database.problem ? [`Database ${database.identifier}: ${database.problem}`] : [],
    ),
  ];

  return {
    environment: environment.name,
    cluster: environment.cluster,
    takenAt: new Date(now()).toISOString(),
    health: summarizeHealth(services, tasks.workflowTasks),
    services,
    workflowTasks: tasks.workflowTasks,
    repositories: markRunningImages(repositories, runningDigests(services)),
    databases,
    problems,
  };
}

/** Digest → names of services with a live task reporting it. */
function runningDigests(services: readonly ServiceStatus[]): Map<string, string[]> {
  const digests = new Map<string, string[]>();
  for (const service of services) {
    for (const task of service.tasks) {
      if (task.lastStatus === 'STOPPED') continue;
      for (const container of task.containers) {
        if (!container.imageDigest) continue;
        const names = digests.get(container.imageDigest) ?? [];
        if (!names.includes(service.serviceName)) names.push(service.serviceName);
        digests.set(container.imageDigest, names);
      }
    }
  }
  return digests;
}
