import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followLog } from '../../src/main/logpull';
import { insightsHistogram } from '../../src/main/logpull/insightsHistogram';
import type { ActiveEnvironmentInfo } from '../../src/shared/ipc/channels/environments';
import type { TailLine, TailLines } from '../../src/shared/ipc/channels/logpull';
import { eventIdsInRange, startPullHarness, type PullHarness } from './pullHarness';

const HOUR = 3_600_000;
const WEB = '/ecs/demo/web';
let harness: PullHarness;
let writer: CloudWatchLogsClient;

beforeAll(async () => {
  harness = await startPullHarness({ logEventsPerGroup: 5_000 }, { localLimitBytes: 100_000 });
  writer = new CloudWatchLogsClient({
    endpoint: harness.sandbox.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(async () => {
  writer.destroy();
  await harness.close();
});

async function write(logStreamName: string, messages: string[], timestamp = Date.now()) {
  await writer.send(
    new PutLogEventsCommand({
      logGroupName: WEB,
      logStreamName,
      logEvents: messages.map((message) => ({ timestamp, message })),
    }),
  );
}

describe('live tail', () => {
  it('shows what a stream holds, then each new event once, in order', async () => {
    const start = Date.now();
    await write('web/web/tail-task', ['first', 'second'], start);
    const seen: TailLine[] = [];
    const controller = new AbortController();
    const following = followLog({
      logs: harness.clients.logs,
      logGroup: WEB,
      logStream: 'web/web/tail-task',
      from: start - 1000,
      pollMs: 20,
      signal: controller.signal,
      onLines: (lines) => void seen.push(...lines),
    });

    await expect.poll(() => seen.length).toBe(2);
    // Same millisecond as the last event shown: only the new one may appear.
    await write('web/web/tail-task', ['third'], start);
    await write('web/web/tail-task', ['fourth'], start + 5);
    await expect
      .poll(() => seen.map((line) => line.message))
      .toEqual(['first', 'second', 'third', 'fourth']);
    controller.abort();
    await following;
  });

  it('refuses to follow a group the environment does not list', async () => {
    const { createLogTailService } = await import('../../src/main/logpull');
    const tails = createLogTailService({
      current: async () => ({ environment: harness.environment, clients: harness.clients }),
    });
    await expect(tails.start({ logGroup: '/ecs/opsdesk-build', logStream: 'x' })).rejects.toThrow(
      /does not list the log group/,
    );
  });
});

describe('live tails when the environment switches', () => {
  it('stop, say why, and put nothing more into the index', async () => {
    const { createLogTailService } = await import('../../src/main/logpull');
    const { LEFT_ENVIRONMENT } = await import('../../src/main/logpull/tailService');
    const { LogEngine } = await import('../../src/main/logs/logEngine');
    const index = new LogEngine();
    const changed = new Set<(info: ActiveEnvironmentInfo) => void>();
    const tails = createLogTailService(
      {
        current: async () => ({ environment: harness.environment, clients: harness.clients }),
        onChanged: (listener) => {
          changed.add(listener);
          return () => changed.delete(listener);
        },
      },
      index,
      20,
    );
    const received: TailLines[] = [];
    tails.onLines((lines) => void received.push(lines));
    const start = Date.now();
    await write('web/web/switch-task', ['before the switch'], start);
    const { tailId } = await tails.start({
      logGroup: WEB,
      logStream: 'web/web/switch-task',
      from: start - 1000,
    });
    await expect
      .poll(async () => (await index.sources()).map((source) => source.records))
      .toEqual([1]);

    const [live] = await index.sources();
    await index.close(live.sourceId);
    const info = {
      name: 'staging',
      label: 'Staging',
      region: 'eu-west-1',
      readOnly: false,
      isSandbox: false,
    };
    changed.forEach((listener) => listener(info));
    await write('web/web/switch-task', ['after the switch'], start + 5);

    await expect.poll(() => received.at(-1)?.stopped).toBe(LEFT_ENVIRONMENT);
    expect(received.at(-1)?.tailId).toBe(tailId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await index.sources()).toEqual([]);
    expect(await tails.stop(tailId)).toBe(false);
    await tails.dispose();
  });
});

describe('ranges too large to pull', () => {
  it('are estimated from the stored bytes and offered to Logs Insights', async () => {
    const to = Date.now();
    const estimate = await harness.service.estimate({ logGroups: [WEB], from: to - 24 * HOUR, to });
    expect(estimate.beyondLocalLimit).toBe(true);
    expect(estimate.localLimitBytes).toBe(100_000);
    // 5,000 events a day of about 200 bytes.
    expect(estimate.estimatedBytes).toBeGreaterThan(500_000);
    expect(estimate.estimatedBytes).toBeLessThan(2_000_000);

    const narrow = await harness.service.estimate({ logGroups: [WEB], from: to - HOUR, to });
    expect(narrow.beyondLocalLimit).toBe(false);
  });

  it('get a histogram counted by CloudWatch, in local buckets, adding up to the range', async () => {
    const to = Date.now();
    const from = to - 6 * HOUR;
    const histogram = await insightsHistogram(
      harness.clients.logs,
      { logGroups: [WEB], from, to, bucket: 'hour', timeZone: 'Asia/Kolkata' },
      { pollMs: 100, timeoutMs: 10_000, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    );
    const expected = await eventIdsInRange(harness.clients, WEB, from, to);
    expect(histogram.computedBy).toBe('cloudwatch');
    // Whole seconds at both ends: Logs Insights takes its range in seconds.
    expect(Math.abs(histogram.total - expected.length)).toBeLessThanOrEqual(2);
    const counted = histogram.buckets.reduce((sum, bucket) => sum + bucket.counts.unknown, 0);
    expect(counted).toBe(histogram.total);
    // Kolkata is UTC+5:30: local hours start at half past in UTC.
    expect(new Date(histogram.buckets[1].start).getUTCMinutes()).toBe(30);
  });
});
