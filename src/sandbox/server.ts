import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext, JsonOperation, QueryOperation } from './context';
import { CONTROL_PREFIX, handleControl, type SandboxControls } from './control';
import { AwsError } from './errors';
import { ECR_TARGET, ecrOperations } from './services/ecr';
import { ECS_TARGET, ecsOperations } from './services/ecs';
import { LAMBDA_PREFIX, handleLambda, lambdaOperation } from './services/lambda';
import { LOGS_TARGET, logsOperations } from './services/logs';
import { RDS_VERSION, RDS_XMLNS, rdsOperations } from './services/rds';
import { STS_VERSION, STS_XMLNS, stsOperations } from './services/sts';
import { jsonBody, jsonErrorBody } from './wire/json';
import { parseQueryParams, queryError, queryResponse } from './wire/query';

const JSON_SERVICES: Record<string, Record<string, JsonOperation>> = {
  [ECS_TARGET]: ecsOperations,
  [ECR_TARGET]: ecrOperations,
  [LOGS_TARGET]: logsOperations,
};

const QUERY_SERVICES: Record<
  string,
  { name: string; xmlns: string; operations: Record<string, QueryOperation> }
> = {
  [STS_VERSION]: { name: 'sts', xmlns: STS_XMLNS, operations: stsOperations },
  [RDS_VERSION]: { name: 'rds', xmlns: RDS_XMLNS, operations: rdsOperations },
};

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function admit(context: SandboxContext, operation: string, throttled: AwsError): void {
  if (!context.throttle.admit(operation, context.clock.now())) {
    context.log.debug(`Throttled ${operation}`);
    throw throttled;
  }
}

/** JSON 1.1 (ECS, ECR, CloudWatch Logs): the operation is named by `X-Amz-Target`. */
async function serveJson(context: SandboxContext, target: string, body: string): Promise<Reply> {
  const contentType = 'application/x-amz-json-1.1';
  const [prefix, operationName] = target.split('.');
  try {
    const operation = JSON_SERVICES[prefix]?.[operationName];
    if (!operation)
      throw new AwsError('UnknownOperationException', `Operation ${target} is not supported.`);
    admit(context, operationName, new AwsError('ThrottlingException', 'Rate exceeded'));
    let input: Record<string, unknown>;
    try {
      input = body.trim() ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      throw new AwsError('SerializationException', 'The request body is not valid JSON.');
    }
    const answer = await operation(input, context);
    return { status: 200, headers: { 'Content-Type': contentType }, body: jsonBody(answer) };
  } catch (error) {
    const failure = asAwsError(context, error);
    return {
      status: failure.status,
      headers: { 'Content-Type': contentType, 'x-amzn-ErrorType': failure.code },
      body: jsonErrorBody(failure),
    };
  }
}

/** Query (STS, RDS): form-encoded `Action` and `Version`, XML answers. */
function serveQuery(
  context: SandboxContext,
  request: IncomingMessage,
  url: URL,
  body: string,
  requestId: string,
): Reply {
  const params = { ...Object.fromEntries(url.searchParams), ...parseQueryParams(body) };
  const scope = /Credential=[^/]+\/\d+\/[^/]+\/(\w+)\//.exec(
    String(request.headers.authorization ?? ''),
  )?.[1];
  const service =
    QUERY_SERVICES[params.Version] ??
    Object.values(QUERY_SERVICES).find((candidate) => candidate.name === scope);
  const headers = { 'Content-Type': 'text/xml' };
  try {
    const operation = service?.operations[params.Action];
    if (!service || !operation) {
      throw new AwsError(
        'InvalidAction',
        `Could not find operation ${params.Action ?? '(none)'} for version ${params.Version ?? '(none)'}`,
      );
    }
    admit(context, params.Action, new AwsError('Throttling', 'Rate exceeded'));
    const result = operation(params, context);
    return {
      status: 200,
      headers,
      body: queryResponse(params.Action, service.xmlns, result, requestId),
    };
  } catch (error) {
    const failure = asAwsError(context, error);
    return {
      status: failure.status,
      headers,
      body: queryError(failure, requestId, service?.xmlns),
    };
  }
}

/** REST-JSON (Lambda): the operation is named by method and path. */
async function serveLambda(
  context: SandboxContext,
  request: IncomingMessage,
  url: URL,
  body: string,
): Promise<Reply> {
  const route = lambdaOperation(request.method ?? 'GET', url.pathname);
  try {
    if (!route)
      throw new AwsError(
        'UnknownOperationException',
        `No Lambda operation at ${request.method} ${url.pathname}.`,
        404,
      );
    const throttled = new AwsError('TooManyRequestsException', 'Rate exceeded', 429);
    admit(context, route.operation, throttled);
    return await handleLambda(context, route, url.searchParams, request.headers, body);
  } catch (error) {
    const failure = asAwsError(context, error);
    const reason =
      failure.code === 'TooManyRequestsException' ? { Reason: 'CallerRateLimitExceeded' } : {};
    return {
      status: failure.status,
      headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': failure.code },
      body: JSON.stringify({
        Type: failure.status >= 500 ? 'Service' : 'User',
        message: failure.message,
        ...reason,
      }),
    };
  }
}

function asAwsError(context: SandboxContext, error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  context.log.error('Sandbox operation failed', error);
  return new AwsError('InternalFailure', 'The sandbox failed to process the request.', 500);
}

/** Creates the HTTP request handler: AWS's wire protocols, and the control API under `/_sandbox/`. */
export function createRequestHandler(context: SandboxContext, controls: SandboxControls) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = new URL(request.url ?? '/', 'http://sandbox');
    let reply: Reply;
    try {
      const body = await readBody(request);
      const target = request.headers['x-amz-target'];
      if (url.pathname.startsWith(CONTROL_PREFIX)) {
        const answer = handleControl(controls, request.method ?? 'GET', url.pathname, body);
        reply = {
          status: answer.status,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(answer.body),
        };
      } else if (typeof target === 'string') {
        reply = await serveJson(context, target, body);
      } else if (url.pathname.startsWith(LAMBDA_PREFIX)) {
        reply = await serveLambda(context, request, url, body);
      } else {
        reply = serveQuery(context, request, url, body, requestId);
      }
    } catch (error) {
      context.log.error('Sandbox request failed', error);
      reply = { status: 500, headers: { 'Content-Type': 'text/plain' }, body: 'internal error' };
    }
    context.log.debug(
      `${request.method} ${url.pathname} ${String(request.headers['x-amz-target'] ?? '')} -> ${reply.status}`,
    );
    if (response.destroyed) return;
    response.writeHead(reply.status, {
      ...reply.headers,
      'x-amzn-RequestId': requestId,
      'Content-Length': Buffer.byteLength(reply.body),
    });
    response.end(reply.body);
  };
}
