import type { Container, Task } from '@aws-sdk/client-ecs';
import type { TaskContainerStatus, TaskStatus } from '../../shared/status';
import type { CommitLookup } from './images';

/** `family:revision` out of a task definition ARN (or the text itself when it is no ARN). */
export function revisionOf(taskDefinitionArn: string | undefined): string {
  if (!taskDefinitionArn) return 'unknown';
  return taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1);
}

/** The digest an image reference pins (`repo@sha256:…`); null for a reference by tag. */
export function pinnedDigest(imageReference: string): string | null {
  return /@(sha256:[0-9a-f]{64})$/.exec(imageReference)?.[1] ?? null;
}

/** The task id: the last part of its ARN. */
export function taskIdOf(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/**
 * A task as the Status view shows it.
 *
 * The reason a stopped task failed is on its containers (the task only says
 * "Essential container in task exited"), so each container keeps its own
 * exit code and reason. The digest is the one the task reports running.
 */
export function toTaskStatus(task: Task, commitOf: CommitLookup): TaskStatus {
  const taskArn = task.taskArn ?? '';
  return {
    taskId: taskIdOf(taskArn),
    taskArn,
    group: task.group ?? null,
    startedBy: task.startedBy ?? null,
    taskDefinition: revisionOf(task.taskDefinitionArn),
    lastStatus: task.lastStatus ?? null,
    desiredStatus: task.desiredStatus ?? null,
    healthStatus: task.healthStatus ?? null,
    createdAt: iso(task.createdAt),
    startedAt: iso(task.startedAt),
    stoppedAt: iso(task.stoppedAt),
    stopCode: task.stopCode ?? null,
    stoppedReason: task.stoppedReason ?? null,
    containers: (task.containers ?? []).map((container) => toContainerStatus(container, commitOf)),
  };
}

function toContainerStatus(container: Container, commitOf: CommitLookup): TaskContainerStatus {
  return {
    containerName: container.name ?? '',
    lastStatus: container.lastStatus ?? null,
    healthStatus: container.healthStatus ?? null,
    imageDigest: container.imageDigest ?? null,
    commitHash: commitOf(container.imageDigest),
    exitCode: container.exitCode ?? null,
    reason: container.reason ?? null,
  };
}

/** Whether a task still counts: not stopped, or stopped within `windowMs` of `now`. */
export function isRecent(task: TaskStatus, now: number, windowMs: number): boolean {
  if (task.lastStatus !== 'STOPPED') return true;
  const stoppedAt = task.stoppedAt ?? task.createdAt;
  return stoppedAt !== null && now - Date.parse(stoppedAt) <= windowMs;
}

/** Running tasks first, then the most recently created. */
export function byActivity(a: TaskStatus, b: TaskStatus): number {
  const stoppedA = a.lastStatus === 'STOPPED' ? 1 : 0;
  const stoppedB = b.lastStatus === 'STOPPED' ? 1 : 0;
  if (stoppedA !== stoppedB) return stoppedA - stoppedB;
  return (b.createdAt ?? '').localeCompare(a.createdAt ?? '');
}

function iso(date: Date | undefined): string | null {
  return date ? date.toISOString() : null;
}
