import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';
import { useQuietConsoleLogging } from '../../src/main/logger';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox';

/** The real SDK clients, pointed at a sandbox as the client layer points them. */
export interface SandboxClients {
  ecs: ECSClient;
  ecr: ECRClient;
  rds: RDSClient;
  logs: CloudWatchLogsClient;
  lambda: LambdaClient;
  sts: STSClient;
}

/** Creates every client against `endpoint`; retries off so throttling and failures show. */
export function clientsFor(endpoint: string): SandboxClients {
  const config = {
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
  return {
    ecs: new ECSClient(config),
    ecr: new ECRClient(config),
    rds: new RDSClient(config),
    logs: new CloudWatchLogsClient(config),
    lambda: new LambdaClient(config),
    sts: new STSClient(config),
  };
}

/** Starts a sandbox with quick workflows and returns it with its clients. */
export async function startTestSandbox(
  options: SandboxOptions = {},
): Promise<{ sandbox: RunningSandbox; aws: SandboxClients }> {
  useQuietConsoleLogging();
  const sandbox = await startSandbox({ timeScale: 0.1, ...options });
  return { sandbox, aws: clientsFor(sandbox.endpoint) };
}

/** Polls `read` until `done` holds for its value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
