import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAwsClients, type AwsClients } from '../../src/main/aws';
import { sandboxEnvironment } from '../../src/main/environments/sandboxEnvironment';
import { createLogPullService, type LogPullService } from '../../src/main/logpull';
import type { LogPullOptions } from '../../src/main/logpull/pullService';
import { LogEngine } from '../../src/main/logs/logEngine';
import { useQuietConsoleLogging } from '../../src/main/logger';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox';
import type { Environment } from '../../src/shared/environments';

/** A sandbox, the clients of its environment, a log engine and a pull service over them. */
export interface PullHarness {
  sandbox: RunningSandbox;
  environment: Environment;
  clients: AwsClients;
  engine: LogEngine;
  dataDir: string;
  service: LogPullService;
  /** A new service, as after a restart of the app; options add to those of the last restart. */
  restart(options?: Partial<LogPullOptions>): LogPullService;
  close(): Promise<void>;
}

/** Waits that keep throttling tests short: the SDK's retries, then 50 ms backoffs. */
export const FAST_CALL_POLICY = {
  timeoutMs: 20_000,
  throttleWaitsMs: [50, 100, 200, 400, 800],
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** Starts everything a pull test needs; `service` options override the defaults. */
export async function startPullHarness(
  sandboxOptions: SandboxOptions = {},
  serviceOptions: Partial<LogPullOptions> = {},
): Promise<PullHarness> {
  useQuietConsoleLogging();
  const sandbox = await startSandbox({ timeScale: 0.1, ...sandboxOptions });
  const environment = sandboxEnvironment(sandbox.endpoint);
  const clients = createAwsClients(environment, { callPolicy: FAST_CALL_POLICY });
  const engine = new LogEngine();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'opsdesk-pull-'));
  let latest: Partial<LogPullOptions> = {};
  const create = (options: Partial<LogPullOptions> = {}) =>
    createLogPullService({
      environments: { current: async () => ({ environment, clients }) },
      logs: engine,
      dataDir,
      rateQuota: 50,
      ...serviceOptions,
      ...options,
    });
  const harness: PullHarness = {
    sandbox,
    environment,
    clients,
    engine,
    dataDir,
    service: create(),
    restart: (options = {}) => {
      latest = { ...latest, ...options };
      return (harness.service = create(latest));
    },
    close: async () => {
      await harness.service.dispose();
      clients.destroy();
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Every CloudWatch event of a group in a range, read directly, for comparison. */
export async function eventIdsInRange(
  clients: AwsClients,
  logGroupName: string,
  from: number,
  to: number,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of clients.logs.filterLogEventPages({
    logGroupName,
    startTime: from,
    endTime: to - 1,
  })) {
    for (const event of page.events ?? []) ids.push(event.eventId!);
  }
  return ids;
}
