import type { Task } from '@aws-sdk/client-ecs';
import type { EcsTaskWorkflow } from '../../shared/environments';
import { errorMessage, tailRunLog, type RunExecution } from './execution';
import { resultLineOutputs } from './resultLine';
import type { RunLogLocation } from './runRecord';
import { endRun, endingOf, enterPhase } from './runProgress';
import { watchEcsTask } from './watchers/ecsTaskWatcher';

const STAGE_MESSAGES = {
  provisioning: 'ECS is provisioning the task and pulling its image.',
  running: 'The task is running.',
  stopping: 'The essential container has exited; ECS is stopping the task.',
};

/** Where a task's container logs go: the awslogs group and `prefix/container/task-id`. */
async function taskLogLocation(
  execution: RunExecution,
  workflow: EcsTaskWorkflow,
  task: Task,
): Promise<RunLogLocation | undefined> {
  if (!task.taskArn || !task.taskDefinitionArn) return undefined;
  const definition = await execution.clients.ecs.describeTaskDefinition(task.taskDefinitionArn);
  const container = definition.containerDefinitions?.find(
    (candidate) => candidate.name === workflow.containerName,
  );
  const options = container?.logConfiguration?.options;
  if (container?.logConfiguration?.logDriver !== 'awslogs' || !options?.['awslogs-group']) {
    return undefined;
  }
  const taskId = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1);
  const prefix = options['awslogs-stream-prefix'];
  return {
    logGroupName: options['awslogs-group'],
    ...(prefix ? { logStreamName: `${prefix}/${workflow.containerName}/${taskId}` } : {}),
    startTime: execution.current().run.startedAt - 60_000,
  };
}

/**
 * Runs a workflow's one-shot ECS task to its real end: RunTask with the run
 * id as client token (a repeat after a restart finds the same task), then
 * DescribeTasks until STOPPED, the log tailed meanwhile.
 */
export async function executeEcsTask(
  execution: RunExecution,
  workflow: EcsTaskWorkflow,
): Promise<void> {
  let record = execution.current();
  if (record.handles.stage === 'starting') {
    await execution.save({
      ...record,
      run: enterPhase(record.run, 'start', `Asking ECS to run ${workflow.taskDefinitionFamily}.`),
    });
    const inputs = record.handles.inputs;
    let task: Task;
    try {
      task = await execution.clients.ecs.runTask(workflow, {
        clientToken: record.run.runId,
        containerEnvironment: inputs.kind === 'ecs-task' ? inputs.containerEnvironment : {},
        startedBy: `opsdesk/${record.run.runId}`,
      });
    } catch (error) {
      record = execution.current();
      await execution.save({
        run: endRun(record.run, 'failed', errorMessage(error), execution.pacing.now()),
        handles: { ...record.handles, stage: 'ended' },
      });
      return;
    }
    const log = await taskLogLocation(execution, workflow, task).catch(() => undefined);
    record = execution.current();
    await execution.save({
      run: {
        ...enterPhase(record.run, 'provisioning', STAGE_MESSAGES.provisioning),
        canStop: true,
        outputs: { ...record.run.outputs, taskArn: task.taskArn },
      },
      handles: { ...record.handles, stage: 'task', taskArn: task.taskArn, log },
    });
  }

  record = execution.current();
  const taskArn = record.handles.taskArn;
  if (!taskArn) return;
  const tail = record.handles.log ? tailRunLog(execution, record.handles.log) : undefined;

  let outcome;
  try {
    outcome = await watchEcsTask({
      ecs: execution.clients.ecs,
      taskArn,
      containerName: workflow.containerName,
      pacing: execution.pacing,
      signal: execution.signal,
      onStage: (stage) => {
        const now = execution.current();
        void execution.save({ ...now, run: enterPhase(now.run, stage, STAGE_MESSAGES[stage]) });
      },
    });
  } finally {
    await tail?.stop();
  }

  const result = resultLineOutputs(execution.logLines());
  record = execution.current();
  const stopped = enterPhase(record.run, 'stopped', outcome.message);
  const message =
    outcome.succeeded || !result.message || outcome.message.includes(result.message)
      ? outcome.message
      : `${outcome.message} ${result.message}`;
  await execution.save({
    run: endRun(
      stopped,
      outcome.stopped ? 'stopped' : endingOf(outcome.succeeded),
      message,
      execution.pacing.now(),
      {
        ...result.outputs,
        ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
      },
    ),
    handles: { ...record.handles, stage: 'ended' },
  });
}
