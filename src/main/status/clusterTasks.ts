import type { Environment } from '../../shared/environments';
import type { TaskStatus } from '../../shared/status';
import type { AwsClients } from '../aws';
import type { CommitLookup } from './images';
import type { RateBudget } from './rateBudget';
import { byActivity, isRecent, toTaskStatus } from './taskStatus';

/** ECS keeps stopped tasks for about an hour; status shows what it still has. */
export const STOPPED_TASK_WINDOW_MS = 60 * 60_000;

/** The cluster's tasks that status shows, sorted by the services and workflows they belong to. */
export interface ClusterTasks {
  /** By service name: running tasks and those stopped within the hour. */
  byService: Map<string, TaskStatus[]>;
  /** One-shot workflow tasks: running ones and those stopped within the hour. */
  workflowTasks: TaskStatus[];
}

/**
 * Lists the cluster's running and recently stopped tasks in two list calls
 * and one describe per hundred, and sorts them by their ECS group.
 *
 * ECS sets `group` to `service:NAME` for service replicas and
 * `family:FAMILY` for RunTask; one listing for the whole cluster costs
 * fewer calls than one per service and workflow.
 */
export async function listClusterTasks(
  clients: Pick<AwsClients, 'ecs'>,
  environment: Pick<Environment, 'services' | 'workflows'>,
  commitOf: CommitLookup,
  budget: RateBudget,
  now: number,
): Promise<ClusterTasks> {
  const [running, stopped] = await Promise.all([
    budget.run((options) => clients.ecs.listTasks({ desiredStatus: 'RUNNING' }, options)),
    budget.run((options) => clients.ecs.listTasks({ desiredStatus: 'STOPPED' }, options)),
  ]);
  const taskArns = [...new Set([...running, ...stopped])];
  const described =
    taskArns.length === 0
      ? []
      : await budget.run((options) => clients.ecs.describeTasks(taskArns, options));

  const workflowFamilies = new Set(
    environment.workflows.flatMap((workflow) =>
      workflow.kind === 'ecs-task' ? [workflow.taskDefinitionFamily] : [],
    ),
  );
  const byService = new Map<string, TaskStatus[]>(environment.services.map((name) => [name, []]));
  const workflowTasks: TaskStatus[] = [];

  for (const task of described.map((candidate) => toTaskStatus(candidate, commitOf))) {
    if (!isRecent(task, now, STOPPED_TASK_WINDOW_MS)) continue;
    const serviceName = task.group?.startsWith('service:') ? task.group.slice(8) : undefined;
    const family = task.taskDefinition.split(':')[0];
    if (serviceName !== undefined) byService.get(serviceName)?.push(task);
    else if (workflowFamilies.has(family)) workflowTasks.push(task);
  }

  for (const tasks of byService.values()) tasks.sort(byActivity);
  return { byService, workflowTasks: workflowTasks.sort(byActivity) };
}
