import type { SandboxContext } from '../context';
import { addServiceEvent, createTask, newDeployment, stopTask, taskId } from '../ecsModel';
import type { EcsService, SandboxWorld, TaskDefinition } from '../state';
import { markExited, markPending, markRunning, markStopped } from './taskLifecycle';

/** Realistic durations of a rolling deployment's steps. */
const PROVISIONING_MS = 1200;
const PULLING_MS = 1200;
const DRAINING_MS = 800;

/**
 * Rolls a service out to `definition` as ECS does: new tasks start under an
 * IN_PROGRESS deployment, then the old ones drain. When `failing`, the new
 * tasks crash, the circuit breaker marks the deployment FAILED and the
 * service goes back to the previous one. Resolves to whether it completed.
 */
export async function rollOut(
  context: SandboxContext,
  world: SandboxWorld,
  service: EcsService,
  definition: TaskDefinition,
  failing: boolean,
): Promise<boolean> {
  const { clock } = context;
  const random = world.random;
  const previous = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
  const deployment = newDeployment(
    random,
    definition,
    service.desiredCount,
    clock.now(),
    'IN_PROGRESS',
  );
  if (previous) previous.status = 'ACTIVE';
  service.deployments.unshift(deployment);
  service.taskDefinition = definition.taskDefinitionArn;
  service.pendingCount += service.desiredCount;

  const digest = /@(sha256:[0-9a-f]{64})$/.exec(definition.containerDefinitions[0].image)?.[1];
  const tasks = Array.from({ length: service.desiredCount }, () =>
    createTask(world, {
      cluster: world.facts.clusterName,
      definition,
      group: `service:${service.serviceName}`,
      startedBy: deployment.id,
      lastStatus: 'PROVISIONING',
      imageDigest: digest,
      createdAt: clock.now(),
    }),
  );
  const started = tasks.map((task) => `(task ${taskId(task)})`).join(' ');
  addServiceEvent(
    random,
    service,
    `(service ${service.serviceName}) has started ${tasks.length} tasks: ${started}.`,
    clock.now(),
  );

  await clock.sleep(PROVISIONING_MS);
  for (const task of tasks) markPending(task, clock.now());
  await clock.sleep(PULLING_MS);
  service.pendingCount -= tasks.length;

  if (failing) {
    for (const task of tasks) {
      markExited(task, clock.now(), 1);
      markStopped(task, clock.now());
    }
    deployment.failedTasks = tasks.length;
    deployment.pendingCount = 0;
    deployment.rolloutState = 'FAILED';
    deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
    deployment.status = 'ACTIVE';
    deployment.desiredCount = 0;
    deployment.updatedAt = new Date(clock.now());
    if (previous) {
      previous.status = 'PRIMARY';
      service.taskDefinition = previous.taskDefinition;
    }
    addServiceEvent(
      random,
      service,
      `(service ${service.serviceName}) (deployment ${deployment.id}) deployment failed: tasks failed to start.`,
      clock.now(),
    );
    addServiceEvent(
      random,
      service,
      `(service ${service.serviceName}) rolling back to deployment ${previous?.id ?? '(none)'}.`,
      clock.now(),
    );
    return false;
  }

  for (const task of tasks) markRunning(task, clock.now(), random, true);
  deployment.pendingCount = 0;
  deployment.runningCount = tasks.length;
  deployment.updatedAt = new Date(clock.now());
  await clock.sleep(DRAINING_MS);

  const replaced = world.ecs.tasks.filter(
    (task) =>
      task.group === `service:${service.serviceName}` &&
      task.desiredStatus === 'RUNNING' &&
      task.startedBy !== deployment.id,
  );
  for (const task of replaced) {
    stopTask(
      task,
      clock.now(),
      'ServiceSchedulerInitiated',
      `Scaling activity initiated by (deployment ${deployment.id})`,
    );
  }
  service.deployments = service.deployments.filter((candidate) => candidate === deployment);
  service.runningCount = tasks.length;
  deployment.rolloutState = 'COMPLETED';
  deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`;
  deployment.updatedAt = new Date(clock.now());
  addServiceEvent(
    random,
    service,
    `(service ${service.serviceName}) (deployment ${deployment.id}) deployment completed.`,
    clock.now(),
  );
  addServiceEvent(
    random,
    service,
    `(service ${service.serviceName}) has reached a steady state.`,
    clock.now(),
  );
  return true;
}
