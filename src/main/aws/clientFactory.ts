import type { STSClientConfig } from '@aws-sdk/client-sts';
import type { Environment } from '../../shared/environments';
import { endpointOf } from '../../shared/environments';

/** Credentials as every SDK client accepts them: fixed keys or a provider. */
export type AwsCredentials = NonNullable<STSClientConfig['credentials']>;

/** The configuration shared by every client Opsdesk builds. */
export interface AwsClientConfig {
  region: string;
  credentials: AwsCredentials;
  endpoint?: string;
  retryMode: 'adaptive' | 'standard';
  maxAttempts: number;
  requestHandler: { connectionTimeout: number; requestTimeout: number };
}

/** Keys the sandbox accepts; it checks nothing, but the SDK insists on signing. */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox' };

/** How long a read may wait for a silent socket before giving up. */
export const READ_REQUEST_TIMEOUT_MS = 20_000;

/** A synchronous Lambda invocation may run 15 minutes; allow for that and the trip. */
export const INVOKE_REQUEST_TIMEOUT_MS = 15 * 60_000 + 30_000;

const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * Configuration for clients that read, and for ECS RunTask.
 *
 * Adaptive retry slows down under throttling. RunTask may share it because
 * it carries a client token: a retried RunTask never starts a second task.
 */
export function readClientConfig(
  environment: Environment,
  credentials: AwsCredentials,
): AwsClientConfig {
  return {
    ...baseConfig(environment, credentials),
    retryMode: 'adaptive',
    maxAttempts: 4,
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: READ_REQUEST_TIMEOUT_MS,
    },
  };
}

/**
 * Configuration for the Lambda client, which only invokes workflows.
 *
 * One attempt: once the request may have reached the function, sending it
 * again could run the workflow twice.
 */
export function invokeClientConfig(
  environment: Environment,
  credentials: AwsCredentials,
): AwsClientConfig {
  return {
    ...baseConfig(environment, credentials),
    retryMode: 'standard',
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: INVOKE_REQUEST_TIMEOUT_MS,
    },
  };
}

function baseConfig(
  environment: Environment,
  credentials: AwsCredentials,
): Pick<AwsClientConfig, 'region' | 'credentials' | 'endpoint'> {
  const endpoint = endpointOf(environment);
  return endpoint
    ? { region: environment.region, credentials, endpoint }
    : { region: environment.region, credentials };
}
