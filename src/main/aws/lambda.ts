import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaWorkflow } from '../../shared/environments';
import { startCall, type CallOptions } from './awsCall';

/** IAM actions this module can call (the Invoke API is authorised as InvokeFunction). */
export const LAMBDA_ACTIONS = ['lambda:InvokeFunction'] as const;

/** How a synchronous invocation ended, read from the response rather than the HTTP status. */
export type LambdaInvocation =
  | { outcome: 'succeeded'; statusCode: number; payload: unknown; executedVersion?: string }
  | {
      outcome: 'failed';
      statusCode: number;
      /** `Handled` or `Unhandled`, from the FunctionError header. */
      functionError: string;
      errorType?: string;
      errorMessage: string;
      payload: unknown;
      executedVersion?: string;
    };

/**
 * The Lambda operation Opsdesk uses: invoking a workflow function.
 *
 * The client behind it makes one attempt only; the payload carries an
 * idempotency key so the function itself can refuse a duplicate.
 */
export class LambdaOperations {
  constructor(private readonly client: LambdaClient) {}

  /**
   * Invokes a workflow function synchronously and reads its outcome.
   *
   * `FunctionError` in the response means the workflow failed even though
   * the HTTP status is 200.
   */
  async invoke(
    workflow: LambdaWorkflow,
    payload: Record<string, unknown>,
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<LambdaInvocation> {
    const body = JSON.stringify({ ...payload, idempotencyKey });
    const output = await startCall(
      { action: 'lambda:InvokeFunction', resource: workflow.functionName },
      options,
      (abortSignal) =>
        this.client.send(
          new InvokeCommand({
            FunctionName: workflow.functionName,
            InvocationType: 'RequestResponse',
            Payload: new TextEncoder().encode(body),
          }),
          { abortSignal },
        ),
    );

    const statusCode = output.StatusCode ?? 0;
    const responsePayload = parsePayload(output.Payload);
    const executedVersion = output.ExecutedVersion;
    if (!output.FunctionError) {
      return { outcome: 'succeeded', statusCode, payload: responsePayload, executedVersion };
    }
    const error = (responsePayload ?? {}) as { errorType?: unknown; errorMessage?: unknown };
    return {
      outcome: 'failed',
      statusCode,
      functionError: output.FunctionError,
      errorType: typeof error.errorType === 'string' ? error.errorType : undefined,
      errorMessage:
        typeof error.errorMessage === 'string'
          ? error.errorMessage
          : `${workflow.functionName} failed (${output.FunctionError}).`,
      payload: responsePayload,
      executedVersion,
    };
  }
}

function parsePayload(bytes: Uint8Array | undefined): unknown {
  if (!bytes || bytes.length === 0) return null;
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
