import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';
import { endpointOf, profileOf, type Environment } from '../../shared/environments';
import { DEFAULT_CALL_POLICY, type CallPolicy } from './awsCall';
import {
  SANDBOX_CREDENTIALS,
  invokeClientConfig,
  readClientConfig,
  type AwsCredentials,
} from './clientFactory';
import { profileCredentialProvider, type MfaCodeProvider } from './credentials';
import { EcrOperations } from './ecr';
import { EcsOperations } from './ecs';
import { LambdaOperations } from './lambda';
import { LogsOperations } from './logs';
import { RdsOperations } from './rds';
import type { DeviceLoginDependencies } from './ssoLogin';
import { StsOperations } from './sts';

/** The client layer for one environment: only the operations Opsdesk uses. */
export interface AwsClients {
  sts: StsOperations;
  ecs: EcsOperations;
  ecr: EcrOperations;
  rds: RdsOperations;
  logs: LogsOperations;
  lambda: LambdaOperations;
  /** Closes every client's connections. */
  destroy(): void;
}

/** What the caller may supply instead of the environment's own credential source. */
export interface AwsClientOptions {
  /** Fixed keys or a provider; overrides the environment's profile. */
  credentials?: AwsCredentials;
  /** Asked for an MFA code when the profile assumes a role that requires one. */
  mfaCodeProvider?: MfaCodeProvider;
  /** How to run the Identity Center device login when the token is missing. */
  ssoLogin?: DeviceLoginDependencies;
  /** Deadlines and throttling waits; tests shorten them. */
  callPolicy?: CallPolicy;
}

/**
 * Builds the clients for an environment: its region, its credentials, its
 * endpoint override, adaptive retries for reads and one attempt for invokes.
 */
export function createAwsClients(
  environment: Environment,
  options: AwsClientOptions = {},
): AwsClients {
  const credentials = options.credentials ?? environmentCredentials(environment, options);
  const policy = options.callPolicy ?? DEFAULT_CALL_POLICY;
  const readConfig = readClientConfig(environment, credentials);

  const stsClient = new STSClient(readConfig);
  const ecsClient = new ECSClient(readConfig);
  const ecrClient = new ECRClient(readConfig);
  const rdsClient = new RDSClient(readConfig);
  const logsClient = new CloudWatchLogsClient(readConfig);
  const lambdaClient = new LambdaClient(invokeClientConfig(environment, credentials));

  return {
    sts: new StsOperations(stsClient, policy),
    ecs: new EcsOperations(ecsClient, environment.cluster, policy),
    ecr: new EcrOperations(ecrClient, policy),
    rds: new RdsOperations(rdsClient, policy),
    logs: new LogsOperations(logsClient, policy),
    lambda: new LambdaOperations(lambdaClient),
    destroy() {
      for (const client of [stsClient, ecsClient, ecrClient, rdsClient, logsClient, lambdaClient]) {
        client.destroy();
      }
    },
  };
}

function environmentCredentials(
  environment: Environment,
  options: AwsClientOptions,
): AwsCredentials {
  if (endpointOf(environment)) return SANDBOX_CREDENTIALS;
  return profileCredentialProvider({
    profile: profileOf(environment),
    mfaCodeProvider: options.mfaCodeProvider,
    ssoLogin: options.ssoLogin,
  });
}

export { classifyAwsError, isThrottling, toOpsdeskError } from './awsErrors';
export type { AwsFailureKind } from './awsErrors';
export type { CallOptions, CallPolicy } from './awsCall';
export type { AwsIdentity, AwsIdentityProvider, MfaCodeProvider } from './credentials';
export type { DeviceLoginDependencies } from './ssoLogin';
export type { LambdaInvocation } from './lambda';
export type { RunTaskRequest, ServiceDescriptions, TaskFilter } from './ecs';
export type { CallerIdentity } from './sts';
export type { InsightsQuery, LogEventFilter, LogStreamRead } from './logs';
export {
  EcrOperations,
  EcsOperations,
  LambdaOperations,
  LogsOperations,
  RdsOperations,
  StsOperations,
};
