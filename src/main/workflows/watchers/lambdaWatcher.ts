import type { WorkflowAction } from '../../../shared/workflows';
import type { LambdaInvocation } from '../../aws';

/** How a workflow function's invocation ended, with its named outputs. */
export interface FunctionOutcome {
  succeeded: boolean;
  message: string;
  outputs: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a function's outcome from its invocation: `FunctionError` is a
 * failure even at HTTP 200, and so is a payload whose status says failed.
 */
export function functionOutcome(
  functionName: string,
  action: WorkflowAction,
  invocation: LambdaInvocation,
): FunctionOutcome {
  if (invocation.outcome === 'failed') {
    // The operator reads plain words; the Lambda terms stay in the run's details.
    const type = invocation.errorType ? `${invocation.errorType}: ` : '';
    return {
      succeeded: false,
      message: `The ${action} function reported an error: ${invocation.errorMessage}`,
      outputs: {
        errorDetail: `${functionName} failed (${invocation.functionError}, HTTP ${invocation.statusCode}): ${type}${invocation.errorMessage}`,
      },
    };
  }

  const payload = isRecord(invocation.payload) ? invocation.payload : {};
  const outputs = isRecord(payload.outputs) ? payload.outputs : {};
  const message =
    typeof payload.message === 'string' ? payload.message : `${functionName} succeeded.`;
  const status = typeof payload.status === 'string' ? payload.status.toLowerCase() : 'succeeded';
  if (['failed', 'failure', 'error'].includes(status)) {
    return { succeeded: false, message: `${functionName} reported failure: ${message}`, outputs };
  }
  return { succeeded: true, message, outputs };
}
