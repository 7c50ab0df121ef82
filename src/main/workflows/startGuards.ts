import type { Environment, Workflow } from '../../shared/environments';
import { OpsdeskError } from '../../shared/result';
import type { WorkflowRun } from '../../shared/workflows';

/** Actions that change what runs or what the data is: only one of them at a time. */
const EXCLUSIVE_ACTIONS = new Set(['deploy', 'rollback', 'restore']);

/** Why a workflow of this environment cannot be started at all, if it cannot. */
export function disabledReason(environment: Environment): string | undefined {
  return environment.readOnly
    ? `${environment.label ?? environment.name} is read-only: its workflows can be looked at, not started.`
    : undefined;
}

/** Refuses a start the operator has not confirmed as the workflow requires. */
export function checkConfirmation(
  environment: Environment,
  workflow: Workflow,
  confirmed: boolean,
  typedEnvironmentName: string | undefined,
): void {
  if (workflow.confirmation === 'confirm' && !confirmed) {
    throw new OpsdeskError(
      'invalid-request',
      `Confirm the summary before starting ${workflow.id}.`,
    );
  }
  if (
    workflow.confirmation === 'type-environment-name' &&
    typedEnvironmentName?.trim() !== environment.name
  ) {
    throw new OpsdeskError(
      'invalid-request',
      `Type the environment's name, ${environment.name}, to start ${workflow.label ?? workflow.id}.`,
    );
  }
}

/**
 * Refuses a second run while one is in progress: the same workflow twice, or
 * two of deploy, rollback and restore, in one environment.
 */
export function checkNoConflict(
  environment: Environment,
  workflow: Workflow,
  running: readonly WorkflowRun[],
): void {
  const conflict = running.find(
    (run) =>
      run.environment === environment.name &&
      run.status === 'running' &&
      (run.workflowId === workflow.id ||
        (EXCLUSIVE_ACTIONS.has(run.action) && EXCLUSIVE_ACTIONS.has(workflow.action))),
  );
  if (!conflict) return;
  const since = new Date(conflict.startedAt).toISOString().slice(11, 19);
  throw new OpsdeskError(
    'conflict',
    `${workflow.label ?? workflow.id} was not started: ${conflict.workflowLabel} is still running ` +
      `in ${environment.name} (started ${since} UTC by ${conflict.startedBy}). Wait for it to end` +
      `${conflict.canStop ? ' or stop it' : ''}.`,
  );
}
