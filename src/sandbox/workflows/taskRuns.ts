import type { SandboxContext } from '../context';
import { createTask, findTaskDefinition, taskId } from '../ecsModel';
import { AwsError } from '../errors';
import type { KeyValue, RunTaskAnswer, SandboxWorld } from '../state';
import { markExited, markPending, markRunning, markStopped } from './taskLifecycle';
import {
  buildProgram,
  genericProgram,
  restoreProgram,
  type TaskProgram,
  type ProgramInput,
} from './taskPrograms';

/** Realistic durations of a Fargate task's phases around its container's run. */
const PROVISIONING_MS = 1500;
const PULLING_MS = 1500;
const DEPROVISIONING_MS = 1500;

interface RunTaskRequest {
  cluster?: string;
  taskDefinition?: string;
  count?: number;
  clientToken?: string;
  startedBy?: string;
  overrides?: { containerOverrides?: { name?: string; environment?: KeyValue[] }[] };
}

const PROGRAMS: Record<string, (world: SandboxWorld, input: ProgramInput) => TaskProgram> = {
  'opsdesk-build': buildProgram,
  'opsdesk-restore': restoreProgram,
};

/**
 * Starts one-shot tasks, as RunTask does. A repeated client token returns the
 * tasks of the first call and starts nothing; an armed `failures` fault
 * answers with `failures[]` instead of tasks, as ECS does when capacity lacks.
 */
export function runTask(context: SandboxContext, input: Record<string, unknown>): unknown {
  const request = input as RunTaskRequest;
  const world = context.world;
  const describe = (answer: RunTaskAnswer) => ({
    tasks: answer.taskArns.map((arn) => world.ecs.tasks.find((task) => task.taskArn === arn)),
    failures: answer.failures,
  });

  const earlier = request.clientToken
    ? world.ecs.runTaskTokens.get(request.clientToken)
    : undefined;
  if (earlier) return describe(earlier);

  const definition = request.taskDefinition
    ? findTaskDefinition(world, request.taskDefinition)
    : undefined;
  if (!definition) throw new AwsError('ClientException', 'TaskDefinition not found.');
  const count = request.count ?? 1;
  if (count < 1 || count > 10)
    throw new AwsError('InvalidParameterException', 'count must be between 1 and 10.');

  const fault = context.faults.take(definition.family);
  let answer: RunTaskAnswer;
  if (fault === 'failures') {
    answer = {
      taskArns: [],
      failures: [{ arn: definition.taskDefinitionArn, reason: 'RESOURCE:MEMORY' }],
    };
  } else {
    const taskArns = Array.from({ length: count }, () =>
      startTask(context, request, definition.family, fault === 'exit-1'),
    );
    answer = { taskArns, failures: [] };
  }
  if (request.clientToken) world.ecs.runTaskTokens.set(request.clientToken, answer);
  context.log.info(
    `RunTask ${definition.family}: ${answer.taskArns.length} started, ${answer.failures.length} failures`,
  );
  return describe(answer);
}

function startTask(
  context: SandboxContext,
  request: RunTaskRequest,
  family: string,
  failing: boolean,
): string {
  const { world, clock } = context;
  const definition = findTaskDefinition(world, request.taskDefinition!)!;
  const container = definition.containerDefinitions[0];
  const overrides = request.overrides?.containerOverrides?.find(
    (o) => !o.name || o.name === container.name,
  );
  const environment = new Map(container.environment.map((pair) => [pair.name, pair.value]));
  for (const pair of overrides?.environment ?? []) environment.set(pair.name, pair.value);

  const task = createTask(world, {
    cluster: world.facts.clusterName,
    definition,
    group: `family:${family}`,
    startedBy: request.startedBy,
    environment: overrides?.environment,
    lastStatus: 'PROVISIONING',
    createdAt: clock.now(),
  });
  const program = (PROGRAMS[family] ?? genericProgram)(world, {
    environment,
    failing,
    runNumber: world.random.int(0, 2 ** 30),
  });

  const options = container.logConfiguration.options;
  const logGroup = world.logs.get(options['awslogs-group']);
  const stream = `${options['awslogs-stream-prefix']}/${container.name}/${taskId(task)}`;
  const startMs = PROVISIONING_MS + PULLING_MS;

  clock.after(PROVISIONING_MS, () => markPending(task, clock.now()));
  clock.after(startMs, () => markRunning(task, clock.now(), world.random, false));
  for (const line of program.lines) {
    clock.after(startMs + line.afterMs, () => logGroup?.append(stream, line.message, clock.now()));
  }
  clock.after(startMs + program.exitAfterMs, () => {
    markExited(task, clock.now(), program.exitCode, program.reason);
    if (program.exitCode === 0) program.onSuccess?.(clock.now());
  });
  clock.after(startMs + program.exitAfterMs + DEPROVISIONING_MS, () =>
    markStopped(task, clock.now()),
  );
  return task.taskArn;
}
