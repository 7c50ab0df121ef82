import type { Random } from '../random';
import type { EcsTask } from '../state';

/** The image is being pulled. */
export function markPending(task: EcsTask, now: number): void {
  task.lastStatus = 'PENDING';
  task.pullStartedAt = new Date(now);
  task.version++;
}

/** The containers started; service replicas pass their health check. */
export function markRunning(
  task: EcsTask,
  now: number,
  random: Random,
  healthChecked: boolean,
): void {
  task.lastStatus = 'RUNNING';
  task.pullStoppedAt = new Date(now);
  task.startedAt = new Date(now);
  task.connectivity = 'CONNECTED';
  task.healthStatus = healthChecked ? 'HEALTHY' : 'UNKNOWN';
  task.version++;
  for (const container of task.containers) {
    container.lastStatus = 'RUNNING';
    container.runtimeId = `${task.taskArn.slice(-32)}-${random.int(1000000000, 4294967295)}`;
    container.healthStatus = task.healthStatus;
  }
}

/**
 * The essential container exited: the task is on its way down. The failure's
 * reason is on the container, as ECS reports it, not only on the task.
 */
export function markExited(task: EcsTask, now: number, exitCode: number, reason?: string): void {
  task.desiredStatus = 'STOPPED';
  task.lastStatus = 'DEPROVISIONING';
  task.stoppingAt = new Date(now);
  task.executionStoppedAt = new Date(now);
  task.stopCode = 'EssentialContainerExited';
  task.stoppedReason = 'Essential container in task exited';
  task.healthStatus =
    task.healthStatus === 'HEALTHY' && exitCode !== 0 ? 'UNHEALTHY' : task.healthStatus;
  task.version++;
  for (const container of task.containers) {
    container.lastStatus = 'STOPPED';
    container.exitCode = exitCode;
    if (reason) container.reason = reason;
  }
}

/** The task's resources are released; it is STOPPED for good. */
export function markStopped(task: EcsTask, now: number): void {
  task.lastStatus = 'STOPPED';
  task.stoppedAt = new Date(now);
  task.connectivity = 'DISCONNECTED';
  task.version++;
}
