import type { Workflow } from '../../shared/environments';
import type { RunPhase, WorkflowRun } from '../../shared/workflows';

/** The phases a run of a workflow goes through, in order, all waiting. */
export function phasesOf(workflow: Workflow): RunPhase[] {
  const phase = (id: string, label: string): RunPhase => ({ id, label, state: 'waiting' });
  if (workflow.kind === 'ecs-task') {
    return [
      phase('start', 'Start task'),
      phase('provisioning', 'Provisioning'),
      phase('running', 'Running'),
      phase('stopping', 'Stopping'),
      phase('stopped', 'Stopped: exit code checked'),
    ];
  }
  const phases = [phase('invoke', `Invoke ${workflow.functionName}`)];
  if (workflow.action === 'deploy' || workflow.action === 'rollback') {
    phases.push(phase('rollout', 'Service rollout'));
  }
  if (workflow.action === 'backup') phases.push(phase('snapshot', 'Snapshot available'));
  return phases;
}

/** The run with `phaseId` active, the phases before it done, and a new message. */
export function enterPhase(run: WorkflowRun, phaseId: string, message: string): WorkflowRun {
  const index = run.phases.findIndex((phase) => phase.id === phaseId);
  return {
    ...run,
    message,
    phases: run.phases.map((phase, position) => ({
      ...phase,
      state: position < index ? 'done' : position === index ? 'active' : 'waiting',
    })),
  };
}

/** How a run ended: succeeded, failed, or stopped on request. */
export type RunEnding = Exclude<WorkflowRun['status'], 'running'>;

/** The ending of a run that either succeeded or failed. */
export const endingOf = (succeeded: boolean): RunEnding => (succeeded ? 'succeeded' : 'failed');

/**
 * The run, ended: every phase done on success; on a stop the phases reached
 * are done; on a failure the active phase failed.
 */
export function endRun(
  run: WorkflowRun,
  ending: RunEnding,
  message: string,
  endedAt: number,
  outputs: Record<string, unknown> = {},
): WorkflowRun {
  const activeIndex = Math.max(
    0,
    run.phases.findIndex((phase) => phase.state === 'active'),
  );
  const succeeded = ending === 'succeeded';
  return {
    ...run,
    status: ending,
    message,
    endedAt,
    canStop: false,
    outputs: { ...run.outputs, ...outputs },
    phases: run.phases.map((phase, position) => ({
      ...phase,
      state: succeeded
        ? 'done'
        : position < activeIndex
          ? 'done'
          : position === activeIndex
            ? ending === 'stopped'
              ? 'done'
              : 'failed'
            : 'waiting',
    })),
  };
}
