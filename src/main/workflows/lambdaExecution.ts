import type { LambdaWorkflow } from '../../shared/environments';
import { errorMessage, tailRunLog, type RunExecution } from './execution';
import type { RunHandles } from './runRecord';
import { endRun, endingOf, enterPhase } from './runProgress';
import { functionOutcome } from './watchers/lambdaWatcher';
import { watchRollout } from './watchers/rolloutWatcher';
import { watchSnapshot } from './watchers/snapshotWatcher';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

async function end(execution: RunExecution, succeeded: boolean, message: string, outputs = {}) {
  const record = execution.current();
  await execution.save({
    run: endRun(record.run, endingOf(succeeded), message, execution.pacing.now(), outputs),
    handles: { ...record.handles, stage: 'ended' },
  });
}

/**
 * Invokes a workflow function synchronously with the run id as idempotency
 * key, reads its answer (FunctionError is a failure even at HTTP 200), then
 * follows what it started: a deploy's rollout, a backup's snapshot.
 */
async function invoke(execution: RunExecution, workflow: LambdaWorkflow): Promise<boolean> {
  const record = execution.current();
  await execution.save({
    ...record,
    run: enterPhase(record.run, 'invoke', `Invoking ${workflow.functionName}.`),
  });
  const inputs = record.handles.inputs;
  let invocation;
  try {
    invocation = await execution.clients.lambda.invoke(
      workflow,
      inputs.kind === 'lambda' ? inputs.payload : {},
      record.run.runId,
      { signal: execution.signal },
    );
  } catch (error) {
    if (execution.signal.aborted) throw error;
    await end(
      execution,
      false,
      `${errorMessage(error)} The function may have run; read its log before starting it again.`,
    );
    return false;
  }

  const outcome = functionOutcome(workflow.functionName, workflow.action, invocation);
  if (!outcome.succeeded) {
    await end(execution, false, outcome.message, outcome.outputs);
    return false;
  }

  const after = execution.current();
  const handles: RunHandles = { ...after.handles };
  const arns = strings(outcome.outputs.taskDefinitionArns);
  const snapshotId = outcome.outputs.snapshotId;
  if ((workflow.action === 'deploy' || workflow.action === 'rollback') && arns.length) {
    handles.stage = 'rollout';
    handles.rollout = { services: execution.environment.services, taskDefinitionArns: arns };
  } else if (workflow.action === 'backup' && typeof snapshotId === 'string') {
    const instance = outcome.outputs.dbInstanceIdentifier;
    handles.stage = 'snapshot';
    handles.snapshot = {
      snapshotId,
      dbInstanceIdentifier:
        typeof instance === 'string'
          ? instance
          : (execution.environment.databases.instances[0] ?? ''),
    };
  } else {
    await end(execution, true, outcome.message, outcome.outputs);
    return false;
  }
  await execution.save({
    run: {
      ...after.run,
      message: outcome.message,
      outputs: { ...after.run.outputs, ...outcome.outputs },
    },
    handles,
  });
  return true;
}

/** Runs a Lambda workflow to its real end, from whatever stage it had reached. */
export async function executeLambda(
  execution: RunExecution,
  workflow: LambdaWorkflow,
): Promise<void> {
  // A function writes one stream per invocation: the whole group is followed.
  const tail = tailRunLog(execution, {
    logGroupName: `/aws/lambda/${workflow.functionName}`,
    startTime: execution.current().run.startedAt - 1000,
  });
  try {
    const stage = execution.current().handles.stage;
    // A restart during the invocation asks again with the same key: the function answers once.
    if ((stage === 'starting' || stage === 'invoking') && !(await invoke(execution, workflow))) {
      return;
    }
    await followUp(execution);
  } finally {
    await tail.stop();
  }
}

async function followUp(execution: RunExecution): Promise<void> {
  const { handles, run } = execution.current();
  const progress = (phase: string) => (message: string) => {
    const now = execution.current();
    void execution.save({ ...now, run: enterPhase(now.run, phase, message) });
  };

  if (handles.stage === 'rollout' && handles.rollout) {
    progress('rollout')(`Waiting for ${handles.rollout.services.join(', ')} to roll out.`);
    const outcome = await watchRollout({
      ecs: execution.clients.ecs,
      ...handles.rollout,
      pacing: execution.pacing,
      onProgress: progress('rollout'),
      signal: execution.signal,
    });
    await end(
      execution,
      outcome.succeeded,
      outcome.succeeded ? `${run.message} ${outcome.message}.` : outcome.message,
    );
  } else if (handles.stage === 'snapshot' && handles.snapshot) {
    progress('snapshot')(`Waiting for snapshot ${handles.snapshot.snapshotId} to be available.`);
    const outcome = await watchSnapshot({
      rds: execution.clients.rds,
      ...handles.snapshot,
      pacing: execution.pacing,
      onProgress: progress('snapshot'),
      signal: execution.signal,
    });
    await end(execution, outcome.succeeded, outcome.message);
  }
}
