import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  paginateListServices,
  paginateListTasks,
  type DesiredStatus,
  type ECSClient,
  type Failure,
  type Service,
  type Task,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { EcsTaskWorkflow } from '../../shared/environments';
import { OpsdeskError } from '../../shared/result';
import {
  collectPages,
  inBatches,
  readCall,
  readPages,
  startCall,
  type CallOptions,
  type CallPolicy,
} from './awsCall';

/** IAM actions this module can call. */
export const ECS_ACTIONS = [
  'ecs:ListServices',
  'ecs:DescribeServices',
  'ecs:ListTasks',
  'ecs:DescribeTasks',
  'ecs:DescribeTaskDefinition',
  'ecs:RunTask',
  'ecs:StopTask',
] as const;

/** The services found and the names ECS reported as missing. */
export interface ServiceDescriptions {
  services: Service[];
  failures: Failure[];
}

/** Which tasks to list; all of the cluster's when empty. */
export interface TaskFilter {
  serviceName?: string;
  family?: string;
  startedBy?: string;
  desiredStatus?: DesiredStatus;
}

/** What a workflow run passes to its task. */
export interface RunTaskRequest {
  /** Makes a retried RunTask return the first task instead of starting another. */
  clientToken: string;
  /** Environment variables for the essential container: the workflow's parameters. */
  containerEnvironment: Record<string, string>;
  /** Shows in the console who started the task; ECS caps it at 128 characters. */
  startedBy?: string;
}

/** The ECS operations Opsdesk uses, all within one cluster. */
export class EcsOperations {
  constructor(
    private readonly client: ECSClient,
    private readonly cluster: string,
    private readonly policy: CallPolicy,
  ) {}

  /** ARNs of every service in the cluster, every page followed. */
  async listServices(options?: CallOptions): Promise<string[]> {
    const pages = readPages(
      { action: 'ecs:ListServices', resource: this.cluster },
      this.policy,
      options,
      (startingToken, abortSignal) =>
        paginateListServices(
          { client: this.client, startingToken },
          { cluster: this.cluster },
          {
            abortSignal,
          },
        ),
      (page) => page.nextToken,
    );
    return collectPages(pages, (page) => page.serviceArns);
  }

  /** Describes services by name, ten per request as the API allows. */
  async describeServices(names: string[], options?: CallOptions): Promise<ServiceDescriptions> {
    const found: ServiceDescriptions = { services: [], failures: [] };
    for (const batch of inBatches(names, 10)) {
      const output = await readCall(
        { action: 'ecs:DescribeServices', resource: `${this.cluster}/${batch.join(',')}` },
        this.policy,
        options,
        (abortSignal) =>
          this.client.send(
            new DescribeServicesCommand({ cluster: this.cluster, services: batch }),
            {
              abortSignal,
            },
          ),
      );
      found.services.push(...(output.services ?? []));
      found.failures.push(...(output.failures ?? []));
    }
    return found;
  }

  /** ARNs of the cluster's tasks matching the filter, every page followed. */
  async listTasks(filter: TaskFilter = {}, options?: CallOptions): Promise<string[]> {
    const pages = readPages(
      { action: 'ecs:ListTasks', resource: this.cluster },
      this.policy,
      options,
      (startingToken, abortSignal) =>
        paginateListTasks(
          { client: this.client, startingToken },
          { cluster: this.cluster, ...filter },
          { abortSignal },
        ),
      (page) => page.nextToken,
    );
    return collectPages(pages, (page) => page.taskArns);
  }

  /** Describes tasks by ARN or id, a hundred per request as the API allows. */
  async describeTasks(taskIds: string[], options?: CallOptions): Promise<Task[]> {
    const tasks: Task[] = [];
    for (const batch of inBatches(taskIds, 100)) {
      const output = await readCall(
        { action: 'ecs:DescribeTasks', resource: `${this.cluster} tasks` },
        this.policy,
        options,
        (abortSignal) =>
          this.client.send(new DescribeTasksCommand({ cluster: this.cluster, tasks: batch }), {
            abortSignal,
          }),
      );
      tasks.push(...(output.tasks ?? []));
    }
    return tasks;
  }

  /** Describes a task definition by family (latest active), family:revision or ARN. */
  async describeTaskDefinition(
    taskDefinition: string,
    options?: CallOptions,
  ): Promise<TaskDefinition> {
    const output = await readCall(
      { action: 'ecs:DescribeTaskDefinition', resource: taskDefinition },
      this.policy,
      options,
      (abortSignal) =>
        this.client.send(new DescribeTaskDefinitionCommand({ taskDefinition }), { abortSignal }),
    );
    if (!output.taskDefinition) {
      throw new OpsdeskError('not-found', `Task definition ${taskDefinition} was not found.`);
    }
    return output.taskDefinition;
  }

  /**
   * Starts one task of a workflow and returns it.
   *
   * ECS may answer 200 with `failures[]` and no task (no capacity, a missing
   * subnet); that is a failure too, with ECS's reason in the message.
   */
  async runTask(
    workflow: EcsTaskWorkflow,
    request: RunTaskRequest,
    options?: CallOptions,
  ): Promise<Task> {
    const target = { action: 'ecs:RunTask', resource: workflow.taskDefinitionFamily };
    const output = await startCall(target, options, (abortSignal) =>
      this.client.send(
        new RunTaskCommand({
          cluster: this.cluster,
          taskDefinition: workflow.taskDefinitionFamily,
          launchType: workflow.launchType,
          count: 1,
          clientToken: request.clientToken,
          startedBy: (request.startedBy ?? 'opsdesk').slice(0, 128),
          ...(workflow.subnets.length > 0
            ? {
                networkConfiguration: {
                  awsvpcConfiguration: {
                    subnets: workflow.subnets,
                    securityGroups: workflow.securityGroups,
                    assignPublicIp: workflow.assignPublicIp ? 'ENABLED' : 'DISABLED',
                  },
                },
              }
            : {}),
          overrides: {
            containerOverrides: [
              {
                name: workflow.containerName,
                environment: Object.entries(request.containerEnvironment).map(([name, value]) => ({
                  name,
                  value,
                })),
              },
            ],
          },
        }),
        { abortSignal },
      ),
    );

    const task = output.tasks?.[0];
    if (task && (output.failures ?? []).length === 0) return task;
    throw new OpsdeskError(
      'aws',
      `ECS did not start ${workflow.taskDefinitionFamily}: ${describeFailures(output.failures)}`,
    );
  }

  /** Asks ECS to stop a task; the reason shows on the stopped task. */
  async stopTask(taskId: string, reason: string, options?: CallOptions): Promise<Task | undefined> {
    const output = await readCall(
      { action: 'ecs:StopTask', resource: taskId },
      this.policy,
      options,
      (abortSignal) =>
        this.client.send(
          new StopTaskCommand({
            cluster: this.cluster,
            task: taskId,
            reason: reason.slice(0, 255),
          }),
          { abortSignal },
        ),
    );
    return output.task;
  }
}

function describeFailures(failures: Failure[] | undefined): string {
  if (!failures || failures.length === 0) return 'no task and no reason were returned.';
  return failures
    .map((failure) =>
      [failure.reason, failure.detail, failure.arn ? `(${failure.arn})` : undefined]
        .filter(Boolean)
        .join(' '),
    )
    .join('; ');
}
