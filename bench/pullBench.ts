// Measures a CloudWatch pull: one million events from the sandbox held to a
// rate quota, against the best time that quota allows. Prints figures.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAwsClients } from '../src/main/aws';
import { sandboxEnvironment } from '../src/main/environments/sandboxEnvironment';
import { createLogPullService } from '../src/main/logpull';
import { createLogService } from '../src/main/logs/createLogService';
import { useQuietConsoleLogging } from '../src/main/logger';
import { startSandbox } from '../src/sandbox';

/** CloudWatch's page limits: 10,000 events or 1 MB. */
const PAGE_EVENTS = 10_000;
const PAGE_BYTES = 1_048_576;
const DAY = 86_400_000;

/** What the pull bench is asked for on the command line. */
export interface PullBenchOptions {
  /** Events in the pulled range (a day of one group). */
  events: number;
  /** FilterLogEvents requests per second, enforced by the sandbox and used by Opsdesk. */
  quota: number;
  print(line: string): void;
}

/**
 * Pulls a day of `/ecs/demo/web` holding `events` events through the pull
 * service into the log engine (in its worker when built), with the sandbox
 * throttling FilterLogEvents at `quota`; the best time is the fewest pages
 * those events fit in, divided by the quota.
 */
export async function benchPull({ events, quota, print }: PullBenchOptions): Promise<void> {
  useQuietConsoleLogging();
  const sandbox = await startSandbox({ logEventsPerGroup: events });
  const environment = sandboxEnvironment(sandbox.endpoint);
  const clients = createAwsClients(environment);
  const workerPath = path.join(__dirname, '../main/log-engine-worker.cjs');
  const logs = createLogService(existsSync(workerPath) ? { workerPath } : {});
  const dataDir = await mkdtemp(path.join(tmpdir(), 'opsdesk-pull-bench-'));
  sandbox.controls.throttle('FilterLogEvents', quota);
  const service = createLogPullService({
    environments: { current: async () => ({ environment, clients }) },
    logs,
    dataDir,
    rateQuota: quota,
  });

  print(`\nCloudWatch pull: a day of /ecs/demo/web (${events} events), quota ${quota} requests/s`);
  try {
    const to = Date.now();
    const started = performance.now();
    let lastLine = 0;
    const final = await service.run(
      { logGroups: ['/ecs/demo/web'], streamPrefixes: [], from: to - DAY, to, refresh: false },
      (progress) => {
        if (progress.state !== 'running' || performance.now() - lastLine < 10_000) return;
        lastLine = performance.now();
        print(
          `  … ${progress.events} events, ${Math.round(progress.fractionDone * 100)}%, ` +
            `${Math.round(progress.eventsPerSecond)} events/s`,
        );
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const fewestPages = Math.max(
      Math.ceil(final.events / PAGE_EVENTS),
      Math.ceil(final.bytes / PAGE_BYTES),
    );
    const bestSeconds = fewestPages / quota;
    print(`  ${final.state}: ${final.events} events, ${(final.bytes / PAGE_BYTES).toFixed(0)} MB`);
    print(`  duplicates dropped ${final.duplicates}${final.message ? `; ${final.message}` : ''}`);
    print(
      `  pull ${seconds.toFixed(1)} s; best the quota allows ${bestSeconds.toFixed(1)} s ` +
        `(${fewestPages} full pages); ${Math.round((bestSeconds / seconds) * 100)}% of best ` +
        '(target: 90%)',
    );
  } finally {
    await service.dispose();
    await logs.dispose();
    clients.destroy();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
