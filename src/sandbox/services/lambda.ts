import type { SandboxContext } from '../context';
import { AwsError } from '../errors';
import { pageOfList } from '../paging';
import type { LambdaFunction } from '../state';
import { invokeFunction } from '../workflows/functions';

/** The path prefix of every Lambda operation Opsdesk uses. */
export const LAMBDA_PREFIX = '/2015-03-31/functions';

/** A REST-JSON answer: status, headers and a body (JSON or the raw payload). */
export interface RestAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Which operation a Lambda request is, from its method and path; undefined when none. */
export function lambdaOperation(
  method: string,
  path: string,
): { operation: string; functionName?: string } | undefined {
  const rest = path.slice(LAMBDA_PREFIX.length).replace(/^\//, '');
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (method === 'GET' && parts.length === 0) return { operation: 'ListFunctions' };
  if (method === 'GET' && parts.length === 1)
    return { operation: 'GetFunction', functionName: parts[0] };
  if (method === 'GET' && parts[1] === 'configuration')
    return { operation: 'GetFunctionConfiguration', functionName: parts[0] };
  if (method === 'POST' && parts[1] === 'invocations')
    return { operation: 'Invoke', functionName: parts[0] };
  return undefined;
}

function requireFunction(context: SandboxContext, reference: string): LambdaFunction {
  // Callers may name a function, or give its full or partial ARN.
  const name = reference.includes(':function:')
    ? reference.split(':function:')[1].split(':')[0]
    : reference.split(':')[0];
  const fn = context.world.lambda.functions.find((candidate) => candidate.FunctionName === name);
  if (!fn) {
    const { region, accountId } = context.world.facts;
    throw new AwsError(
      'ResourceNotFoundException',
      `Function not found: arn:aws:lambda:${region}:${accountId}:function:${name}`,
      404,
    );
  }
  return fn;
}

const json = (value: unknown, status = 200): RestAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(value),
});

/**
 * Serves Lambda's REST-JSON operations. A synchronous Invoke holds the answer
 * until the function ends; a function error still answers 200, with
 * `X-Amz-Function-Error`, as Lambda does.
 */
export async function handleLambda(
  context: SandboxContext,
  route: { operation: string; functionName?: string },
  query: URLSearchParams,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): Promise<RestAnswer> {
  if (route.operation === 'ListFunctions') {
    const limit = query.get('MaxItems') ? Number(query.get('MaxItems')) : undefined;
    const invalid = (message: string) => new AwsError('InvalidParameterValueException', message);
    const page = pageOfList(
      context.world.lambda.functions,
      { nextToken: query.get('Marker') ?? undefined, limit },
      context.pageShapes.get('ListFunctions'),
      50,
      invalid,
    );
    return json({ Functions: page.items, NextMarker: page.nextToken });
  }

  const fn = requireFunction(context, route.functionName ?? '');
  if (route.operation === 'GetFunctionConfiguration') return json(fn);
  if (route.operation === 'GetFunction') {
    return json({
      Configuration: fn,
      Code: {
        RepositoryType: 'S3',
        Location: `https://awslambda-eu-west-1-tasks.s3.eu-west-1.amazonaws.com/snapshots/${context.world.facts.accountId}/${fn.FunctionName}`,
      },
      Tags: { 'opsdesk:workflow': 'true' },
    });
  }

  const invocationType = String(headers['x-amz-invocation-type'] ?? 'RequestResponse');
  if (!['RequestResponse', 'Event', 'DryRun'].includes(invocationType)) {
    throw new AwsError(
      'InvalidParameterValueException',
      `Unsupported invocation type ${invocationType}.`,
    );
  }
  if (invocationType === 'DryRun') return { status: 204, headers: {}, body: '' };
  if (invocationType === 'Event') {
    invokeFunction(context, fn, body).catch((error: unknown) =>
      context.log.error('Event invocation failed', error),
    );
    return { status: 202, headers: {}, body: '' };
  }

  const answer = await invokeFunction(context, fn, body);
  const answerHeaders: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Amz-Executed-Version': '$LATEST',
  };
  if (answer.functionError) answerHeaders['X-Amz-Function-Error'] = answer.functionError;
  if (String(headers['x-amz-log-type'] ?? '') === 'Tail') {
    answerHeaders['X-Amz-Log-Result'] = Buffer.from(answer.logTail).toString('base64');
  }
  return { status: 200, headers: answerHeaders, body: answer.payload };
}
