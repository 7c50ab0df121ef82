import type { WorkflowRun } from '../../shared/workflows';
import type { WorkflowInputs } from './workflowInputs';

/** Which log a run writes to: a group, and the stream when it is known. */
export interface RunLogLocation {
  logGroupName: string;
  /** One stream (an ECS task's); absent for a function, whose stream is per invocation. */
  logStreamName?: string;
  /** Reads events from this time on. */
  startTime: number;
}

/**
 * Where a run's execution stands, with what is needed to pick it up again
 * after a restart: the same RunTask client token or Lambda idempotency key
 * (both are the run id), the task ARN, the rollout or the snapshot to watch.
 */
export interface RunHandles {
  stage: 'starting' | 'task' | 'invoking' | 'rollout' | 'snapshot' | 'ended';
  inputs: WorkflowInputs;
  taskArn?: string;
  log?: RunLogLocation;
  rollout?: { services: string[]; taskDefinitionArns: string[] };
  snapshot?: { dbInstanceIdentifier: string; snapshotId: string };
}

/** A run as the main process keeps it: what the renderer sees, and how to resume it. */
export interface RunRecord {
  run: WorkflowRun;
  handles: RunHandles;
}
