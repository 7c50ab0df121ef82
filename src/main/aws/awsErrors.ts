import { OpsdeskError } from '../../shared/result';

/** What Opsdesk was doing when AWS answered with an error. */
export interface AwsCallTarget {
  /** The IAM action, e.g. `ecs:RunTask`. */
  action: string;
  /** The resource it was aimed at, when one is known. */
  resource?: string;
  /** True for calls that start something: a lost answer may mean it already ran. */
  startsWork?: boolean;
}

/** The kinds of AWS failure Opsdesk explains differently. */
export type AwsFailureKind =
  | 'access-denied'
  | 'expired-credentials'
  | 'missing-credentials'
  | 'throttled'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'other';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'AuthorizationErrorException',
]);

const EXPIRED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'RequestExpired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
]);

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Sorts an error thrown by the SDK or its credential providers into a kind. */
export function classifyAwsError(error: unknown): AwsFailureKind {
  const shape = (error ?? {}) as SdkErrorShape;
  const name = shape.name ?? '';
  const message = shape.message ?? '';

  if (name === 'AbortError') return 'cancelled';
  if (ACCESS_DENIED.has(name)) return 'access-denied';
  if (EXPIRED.has(name)) return 'expired-credentials';
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    return /expired|refresh|sso session/i.test(message)
      ? 'expired-credentials'
      : 'missing-credentials';
  }
  if (THROTTLED.has(name) || shape.$metadata?.httpStatusCode === 429) return 'throttled';
  if (name === 'TimeoutError' || name === 'RequestTimeout' || shape.code === 'ETIMEDOUT') {
    return 'timeout';
  }
  if (NETWORK_CODES.has(shape.code ?? '') || NETWORK_CODES.has(name)) return 'network';
  if (/socket hang up|network|ECONNRESET|ECONNREFUSED/i.test(message)) return 'network';
  return 'other';
}

/** Whether an error means AWS is limiting the request rate, so waiting will help. */
export function isThrottling(error: unknown): boolean {
  return classifyAwsError(error) === 'throttled';
}

/**
 * Turns any error from an AWS call into an OpsdeskError a non-specialist can act on.
 *
 * AWS messages are precise but written for administrators; these name what
 * Opsdesk was doing, and for a refusal which permission the role lacks.
 */
export function toOpsdeskError(error: unknown, target: AwsCallTarget): OpsdeskError {
  if (error instanceof OpsdeskError) return error;
  const awsMessage = ((error as SdkErrorShape | undefined)?.message ?? String(error)).trim();

  switch (classifyAwsError(error)) {
    case 'cancelled':
      return new OpsdeskError('cancelled', `${target.action} was cancelled.`);
    case 'access-denied': {
      const denied = parseAccessDenied(awsMessage);
      const action = denied.action ?? target.action;
      const resource = denied.resource ?? target.resource;
      const on = resource ? ` on ${resource}` : '';
      return new OpsdeskError(
        'aws',
        `Access denied: the role is not allowed ${action}${on}. ` +
          'Ask your AWS administrator to grant it (see iam-policy.json).',
      );
    }
    case 'expired-credentials':
      return new OpsdeskError(
        'aws',
        `Your AWS sign-in has expired or is no longer valid (${target.action}). Sign in again.`,
      );
    case 'missing-credentials':
      return new OpsdeskError('aws', `No AWS credentials could be found: ${awsMessage}`);
    case 'throttled':
      return new OpsdeskError(
        'aws',
        target.startsWork
          ? `AWS is limiting the request rate for ${target.action}; nothing was started. ` +
              'Wait a minute, then try again.'
          : `AWS is limiting the request rate for ${target.action}; Opsdesk waited and retried. ` +
              'Wait a minute, then try again.',
      );
    case 'network':
    case 'timeout':
      return new OpsdeskError('aws', lostConnectionMessage(target, awsMessage));
    default:
      return new OpsdeskError('aws', `${target.action} failed: ${awsMessage}`);
  }
}

/** Reads the action and resource out of AWS's "is not authorized to perform" message. */
export function parseAccessDenied(message: string): { action?: string; resource?: string } {
  const action = /not authorized to perform:?\s+([\w-]+:[\w*]+)/i.exec(message)?.[1];
  const resource = /on resource:?\s+(\S+?)(?:\s+because|\s+with|[.,;]?\s*$)/i.exec(message)?.[1];
  return { action, resource };
}

function lostConnectionMessage(target: AwsCallTarget, awsMessage: string): string {
  const detail = awsMessage ? ` (${awsMessage})` : '';
  if (target.startsWork) {
    return (
      `The connection to AWS was lost during ${target.action}${detail}. ` +
      'It may have started anyway: check the workflow runs before starting it again.'
    );
  }
  return `Cannot reach AWS for ${target.action}${detail}. Check the network connection.`;
}
