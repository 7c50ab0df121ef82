import type { JsonOperation, SandboxContext } from '../context';
import { findTaskDefinition, lastArnPart, stopTask } from '../ecsModel';
import { AwsError } from '../errors';
import { pageOfList } from '../paging';
import type { EcsTask } from '../state';
import { runTask } from '../workflows/taskRuns';

/** The X-Amz-Target prefix of ECS. */
export const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';

interface ClusterInput {
  cluster?: string;
}

function requireCluster(context: SandboxContext, input: ClusterInput): string {
  const cluster = lastArnPart(input.cluster ?? 'default');
  if (cluster !== context.world.facts.clusterName) {
    throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
  }
  return cluster;
}

function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

const listServices: JsonOperation = (input, context) => {
  const request = input as ClusterInput & { nextToken?: string; maxResults?: number };
  requireCluster(context, request);
  const arns = context.world.ecs.services.map((service) => service.serviceArn);
  const page = pageOfList(
    arns,
    { nextToken: request.nextToken, limit: request.maxResults },
    context.pageShapes.get('ListServices'),
    10,
  );
  return { serviceArns: page.items, nextToken: page.nextToken };
};

const describeServices: JsonOperation = (input, context) => {
  const request = input as ClusterInput & { services?: string[] };
  requireCluster(context, request);
  if (!request.services?.length) throw invalidParameter('Services cannot be empty.');
  if (request.services.length > 10)
    throw invalidParameter('Services cannot have more than 10 entries.');
  const services = [];
  const failures = [];
  for (const reference of request.services) {
    const service = context.world.ecs.services.find(
      (candidate) => candidate.serviceName === lastArnPart(reference),
    );
    if (service) services.push(service);
    else failures.push({ arn: reference, reason: 'MISSING' });
  }
  return { services, failures };
};

const listTasks: JsonOperation = (input, context) => {
  const request = input as ClusterInput & {
    serviceName?: string;
    family?: string;
    desiredStatus?: 'RUNNING' | 'PENDING' | 'STOPPED';
    startedBy?: string;
    nextToken?: string;
    maxResults?: number;
  };
  requireCluster(context, request);
  if (request.serviceName && request.family) {
    throw invalidParameter('Family and serviceName cannot be specified together.');
  }
  if (
    request.serviceName &&
    !context.world.ecs.services.some((s) => s.serviceName === lastArnPart(request.serviceName!))
  ) {
    throw new AwsError('ServiceNotFoundException', 'Service not found.');
  }

  const desired = request.desiredStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING';
  const arns = context.world.ecs.tasks
    .filter((task) => task.desiredStatus === desired)
    .filter(
      (task) =>
        !request.serviceName || task.group === `service:${lastArnPart(request.serviceName)}`,
    )
    .filter((task) => !request.family || findFamily(task) === request.family)
    .filter((task) => !request.startedBy || task.startedBy === request.startedBy)
    .map((task) => task.taskArn);
  const page = pageOfList(
    arns,
    { nextToken: request.nextToken, limit: request.maxResults },
    context.pageShapes.get('ListTasks'),
    100,
  );
  return { taskArns: page.items, nextToken: page.nextToken };
};

function findFamily(task: EcsTask): string {
  return lastArnPart(task.taskDefinitionArn).split(':')[0];
}

function findTask(context: SandboxContext, reference: string): EcsTask | undefined {
  const id = lastArnPart(reference);
  return context.world.ecs.tasks.find((task) => lastArnPart(task.taskArn) === id);
}

const describeTasks: JsonOperation = (input, context) => {
  const request = input as ClusterInput & { tasks?: string[] };
  requireCluster(context, request);
  if (!request.tasks?.length) throw invalidParameter('Tasks cannot be empty.');
  if (request.tasks.length > 100)
    throw invalidParameter('Tasks cannot have more than 100 entries.');
  const tasks = [];
  const failures = [];
  for (const reference of request.tasks) {
    const task = findTask(context, reference);
    if (task) tasks.push(task);
    else failures.push({ arn: reference, reason: 'MISSING' });
  }
  return { tasks, failures };
};

const stopTaskOperation: JsonOperation = (input, context) => {
  const request = input as ClusterInput & { task?: string; reason?: string };
  requireCluster(context, request);
  const task = request.task ? findTask(context, request.task) : undefined;
  if (!task) throw invalidParameter('The referenced task was not found.');
  stopTask(task, context.clock.now(), 'UserInitiated', request.reason ?? 'Task stopped by user');
  return { task };
};

const describeTaskDefinition: JsonOperation = (input, context) => {
  const request = input as { taskDefinition?: string };
  const definition = request.taskDefinition
    ? findTaskDefinition(context.world, request.taskDefinition)
    : undefined;
  if (!definition) throw new AwsError('ClientException', 'Unable to describe task definition.');
  return { taskDefinition: definition, tags: [] };
};

const listTaskDefinitions: JsonOperation = (input, context) => {
  const request = input as {
    familyPrefix?: string;
    status?: 'ACTIVE' | 'INACTIVE';
    sort?: 'ASC' | 'DESC';
    nextToken?: string;
    maxResults?: number;
  };
  const arns = context.world.ecs.taskDefinitions
    .filter((definition) => definition.status === (request.status ?? 'ACTIVE'))
    .filter(
      (definition) => !request.familyPrefix || definition.family.startsWith(request.familyPrefix),
    )
    .sort((a, b) =>
      a.family === b.family ? a.revision - b.revision : a.family < b.family ? -1 : 1,
    )
    .map((definition) => definition.taskDefinitionArn);
  if (request.sort === 'DESC') arns.reverse();
  const page = pageOfList(
    arns,
    { nextToken: request.nextToken, limit: request.maxResults },
    context.pageShapes.get('ListTaskDefinitions'),
    100,
  );
  return { taskDefinitionArns: page.items, nextToken: page.nextToken };
};

const describeClusters: JsonOperation = (input, context) => {
  const request = input as { clusters?: string[] };
  const { clusterName, clusterArn } = context.world.facts;
  const wanted = request.clusters?.length ? request.clusters : ['default'];
  const clusters = [];
  const failures = [];
  for (const reference of wanted) {
    if (lastArnPart(reference) !== clusterName) {
      failures.push({ arn: reference, reason: 'MISSING' });
      continue;
    }
    const tasks = context.world.ecs.tasks;
    clusters.push({
      clusterArn,
      clusterName,
      status: 'ACTIVE',
      runningTasksCount: tasks.filter((task) => task.lastStatus === 'RUNNING').length,
      pendingTasksCount: tasks.filter((task) =>
        ['PROVISIONING', 'PENDING'].includes(task.lastStatus),
      ).length,
      activeServicesCount: context.world.ecs.services.length,
      registeredContainerInstancesCount: 0,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    });
  }
  return { clusters, failures };
};

/** The ECS operations Opsdesk uses, by name. */
export const ecsOperations: Record<string, JsonOperation> = {
  ListServices: listServices,
  DescribeServices: describeServices,
  ListTasks: listTasks,
  DescribeTasks: describeTasks,
  RunTask: (input, context) => {
    requireCluster(context, input as ClusterInput);
    return runTask(context, input);
  },
  StopTask: stopTaskOperation,
  DescribeTaskDefinition: describeTaskDefinition,
  ListTaskDefinitions: listTaskDefinitions,
  DescribeClusters: describeClusters,
};
