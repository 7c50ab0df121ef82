import type { Task } from '@aws-sdk/client-ecs';
import type { EcsOperations } from '../../aws';
import { pollUntil, type Pacing } from './pacing';

/** How a stopped task ended, decided by its essential container. */
export interface TaskOutcome {
  succeeded: boolean;
  /** Set when the task was stopped on request, which is not a failure of the workflow. */
  stopped?: boolean;
  message: string;
  exitCode?: number;
}

/** The stage of a task's life the run page shows. */
export type TaskStage = 'provisioning' | 'running' | 'stopping';

const STAGES: Record<string, TaskStage> = {
  PROVISIONING: 'provisioning',
  PENDING: 'provisioning',
  ACTIVATING: 'provisioning',
  RUNNING: 'running',
  DEACTIVATING: 'stopping',
  STOPPING: 'stopping',
  DEPROVISIONING: 'stopping',
};

/**
 * Decides a STOPPED task's outcome: success only on exit code 0 of the
 * essential container. The reason for a failure is gathered from where ECS
 * puts it: the stop code and reason of the task and each container's reason.
 */
export function taskOutcome(task: Task, containerName: string): TaskOutcome {
  const containers = task.containers ?? [];
  const essential =
    containers.find((container) => container.name === containerName) ?? containers[0];
  const containerReasons = containers
    .filter((container) => container.reason)
    .map((container) => `${container.name}: ${container.reason}`);
  const because = [task.stoppedReason, ...containerReasons].filter(Boolean).join('; ');

  if (task.stopCode === 'TaskFailedToStart') {
    return {
      succeeded: false,
      message: `The task failed to start: ${because || 'no reason given'}.`,
    };
  }
  const exitCode = essential?.exitCode;
  if (exitCode === 0) {
    return {
      succeeded: true,
      message: `Container ${essential?.name} exited with code 0.`,
      exitCode,
    };
  }
  if (task.stopCode === 'UserInitiated') {
    return {
      succeeded: false,
      stopped: true,
      message: `Stopped on request: ${because || 'no reason given'}.`,
      exitCode,
    };
  }
  if (exitCode === undefined) {
    return {
      succeeded: false,
      message: `Container ${essential?.name ?? containerName} reported no exit code: ${because || 'no reason given'}.`,
    };
  }
  return {
    succeeded: false,
    message: `Container ${essential?.name} exited with code ${exitCode}${because ? `: ${because}` : ''}.`,
    exitCode,
  };
}

/** What watching one task needs. */
export interface EcsTaskWatch {
  ecs: Pick<EcsOperations, 'describeTasks'>;
  taskArn: string;
  containerName: string;
  pacing: Pacing;
  /** Called on every stage change before the task stops. */
  onStage(stage: TaskStage, task: Task): void;
  signal?: AbortSignal;
}

/** How many polls in a row may miss the task before it counts as gone. */
const MISSING_POLLS = 5;

/** Polls a task until it is STOPPED and returns its outcome. */
export async function watchEcsTask(watch: EcsTaskWatch): Promise<TaskOutcome> {
  let stage: TaskStage | undefined;
  let missing = 0;
  return pollUntil(
    watch.pacing,
    () => watch.ecs.describeTasks([watch.taskArn]),
    ([task]) => {
      if (!task) {
        missing += 1;
        return missing >= MISSING_POLLS
          ? { succeeded: false, message: `ECS no longer knows task ${watch.taskArn}.` }
          : undefined;
      }
      missing = 0;
      if (task.lastStatus === 'STOPPED') return taskOutcome(task, watch.containerName);
      const next = STAGES[task.lastStatus ?? ''] ?? 'provisioning';
      if (next !== stage) {
        stage = next;
        watch.onStage(next, task);
      }
      return undefined;
    },
    watch.signal,
  );
}
