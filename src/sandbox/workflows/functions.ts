import type { SandboxContext } from '../context';
import { seededUuid } from '../random';
import type { InvocationAnswer, LambdaFunction } from '../state';
import { FUNCTION_HANDLERS, FunctionFailure } from './functionHandlers';

/** How much of the log Lambda returns with `X-Amz-Log-Type: Tail`. */
const LOG_TAIL_BYTES = 4096;

function lastBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text);
  return bytes.length <= limit ? text : bytes.subarray(bytes.length - limit).toString('utf8');
}

/**
 * Runs a workflow function once, as Lambda does: START, the handler's lines,
 * END and REPORT in a new log stream; an error thrown by the handler makes it
 * a function error. A payload with an `idempotencyKey` seen before gets the
 * first run's answer and runs nothing.
 */
export function invokeFunction(
  context: SandboxContext,
  fn: LambdaFunction,
  payloadText: string,
): Promise<InvocationAnswer> {
  let event: Record<string, unknown> = {};
  try {
    const parsed: unknown = payloadText.trim() ? JSON.parse(payloadText) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      event = parsed as Record<string, unknown>;
  } catch {
    // Lambda passes any payload on; the demo handlers read fields and find none.
  }

  const world = context.world;
  const key =
    typeof event.idempotencyKey === 'string'
      ? `${fn.FunctionName}:${event.idempotencyKey}`
      : undefined;
  const earlier = key ? world.lambda.answers.get(key) : undefined;
  if (earlier) return earlier;

  const answer = runOnce(context, fn, event);
  if (key) world.lambda.answers.set(key, answer);
  return answer;
}

async function runOnce(
  context: SandboxContext,
  fn: LambdaFunction,
  event: Record<string, unknown>,
): Promise<InvocationAnswer> {
  const { clock } = context;
  const world = context.world;
  const requestId = seededUuid(world.random);
  const startedAt = clock.now();
  const day = new Date(startedAt).toISOString().slice(0, 10).replace(/-/g, '/');
  const stream = `${day}/[$LATEST]${world.random.hex(32)}`;
  const group = world.logs.get(fn.LoggingConfig.LogGroup);
  const lines: string[] = [];
  const write = (line: string) => {
    lines.push(line);
    group?.append(stream, line, clock.now());
  };
  const fault = context.faults.take(fn.FunctionName);

  write(`START RequestId: ${requestId} Version: $LATEST`);
  let payload: string;
  let functionError: InvocationAnswer['functionError'];
  try {
    const handler = FUNCTION_HANDLERS[fn.FunctionName];
    const result = handler
      ? await handler(
          {
            context,
            world,
            fault,
            sleep: (ms) => clock.sleep(ms),
            log: (message) =>
              write(`${new Date(clock.now()).toISOString()}\t${requestId}\tINFO\t${message}`),
          },
          event,
        )
      : { status: 'succeeded', message: 'nothing to do', outputs: {} };
    payload = JSON.stringify(result);
  } catch (error) {
    const errorType = error instanceof FunctionFailure ? error.errorType : 'Error';
    const errorMessage = error instanceof Error ? error.message : String(error);
    const body = {
      errorType,
      errorMessage,
      trace: [
        `${errorType}: ${errorMessage}`,
        '    at Runtime.handler (file:///var/task/index.mjs:57:11)',
      ],
    };
    write(
      `${new Date(clock.now()).toISOString()}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify(body)}`,
    );
    payload = JSON.stringify(body);
    functionError = 'Unhandled';
  }

  const duration = Math.max(1, clock.now() - startedAt);
  write(`END RequestId: ${requestId}`);
  write(
    `REPORT RequestId: ${requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\t` +
      `Memory Size: ${fn.MemorySize} MB\tMax Memory Used: ${80 + (duration % 40)} MB`,
  );
  context.log.info(`Invoked ${fn.FunctionName}: ${functionError ? 'function error' : 'succeeded'}`);
  return { payload, functionError, logTail: lastBytes(`${lines.join('\n')}\n`, LOG_TAIL_BYTES) };
}
