import { appendFile } from 'node:fs/promises';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PullStore } from '../../src/main/logpull';
import type { PullProgress, PullRequest } from '../../src/shared/ipc/channels/logpull';
import { eventIdsInRange, startPullHarness, type PullHarness } from './pullHarness';

const HOUR = 3_600_000;
const WEB = '/ecs/demo/web';
let harness: PullHarness;
let now: number;

beforeAll(async () => {
  harness = await startPullHarness({ logEventsPerGroup: 50_000 });
  now = Date.now();
});
afterAll(() => harness.close());
beforeEach(async () => {
  harness.sandbox.controls.reset();
  harness.restart({ dataDir: await freshFolder(), rateQuota: 50 });
  for (const source of await harness.engine.sources()) await harness.engine.close(source.sourceId);
});

let folders = 0;
async function freshFolder(): Promise<string> {
  folders += 1;
  return `${harness.dataDir}/run-${folders}`;
}

function pull(request: Partial<PullRequest>, onProgress?: (progress: PullProgress) => void) {
  return harness.service.run(
    { logGroups: [WEB], streamPrefixes: [], refresh: false, ...request },
    onProgress,
  );
}

/** Ids of every event the store holds for a group, in segment order. */
async function storedIds(logGroup = WEB): Promise<string[]> {
  const store = new PullStore(currentFolder());
  const [state] = (await store.pulledGroups('sandbox')).filter(
    (candidate) => candidate.logGroup === logGroup,
  );
  const ids: string[] = [];
  for (const file of await store.segments(state)) {
    for await (const batch of store.readSegment(file))
      ids.push(...batch.map((event) => event.eventId));
  }
  return ids;
}

function currentFolder(): string {
  return `${harness.dataDir}/run-${folders}`;
}

describe('pulling a range', () => {
  it('brings every event of the range into the index, parsed, with its group and stream', async () => {
    const from = now - 6 * HOUR;
    const expected = await eventIdsInRange(harness.clients, WEB, from, now);
    const progress = await pull({ from, to: now });

    expect(progress.state).toBe('done');
    expect(progress.events).toBe(expected.length);
    expect(progress.duplicates).toBe(0);
    expect(progress.fractionDone).toBe(1);
    const [source] = await harness.engine.sources();
    expect(source).toMatchObject({ name: WEB, state: 'ready', records: expected.length });
    const page = await harness.engine.search({ query: '', offset: 0, limit: 5 });
    expect(page.rows[0].fields.log_group).toBe(WEB);
    expect(page.rows[0].fields.log_stream).toMatch(/^web\/web\//);
    expect(page.rows[0].time).toBeLessThan(now);
    expect(await storedIds()).toEqual(expect.arrayContaining(expected));
    expect((await storedIds()).length).toBe(expected.length);
  });

  it('makes pulled events searchable before the pull ends', async () => {
    const seenDuringPull: number[] = [];
    harness.sandbox.controls.pageShape('FilterLogEvents', { maxEvents: 200 });
    await pull({ from: now - 6 * HOUR, to: now }, (progress) => {
      if (progress.state === 'running') {
        void harness.engine
          .search({ query: 'GET', offset: 0, limit: 1 })
          .then((page) => seenDuringPull.push(page.total));
      }
    });
    expect(seenDuringPull.some((total) => total > 0)).toBe(true);
  });

  it('follows empty pages that still carry a next token', async () => {
    const from = now - 2 * HOUR;
    const expected = await eventIdsInRange(harness.clients, WEB, from, now);
    harness.sandbox.controls.pageShape('FilterLogEvents', { emptyPagesBefore: 3, maxEvents: 100 });
    const progress = await pull({ from, to: now });
    expect(progress.events).toBe(expected.length);
  });

  it('reads pages cut at 10,000 events and at 1 MB without gaps', async () => {
    const from = now - 24 * HOUR;
    const expected = await eventIdsInRange(harness.clients, WEB, from, now);
    expect(expected.length).toBeGreaterThan(10_000);
    const progress = await pull({ from, to: now });
    expect(progress.events).toBe(expected.length);
    expect(progress.bytes).toBeGreaterThan(1_048_576);
    expect(new Set(await storedIds()).size).toBe(expected.length);
  });

  it('reads pages of 10,000 small events', async () => {
    const from = now - 24 * HOUR;
    const deploy = '/aws/lambda/opsdesk-deploy';
    const progress = await harness.service.run({
      logGroups: [deploy],
      streamPrefixes: [],
      refresh: false,
      from,
      to: now,
      filterPattern: '"END RequestId"',
    });
    const expected = await eventIdsInRange(harness.clients, deploy, from, now);
    const ends = expected.length / 4;
    expect(ends).toBeGreaterThan(10_000);
    expect(progress.events).toBeGreaterThanOrEqual(Math.floor(ends));
    expect(progress.events).toBeLessThanOrEqual(Math.ceil(ends));
  });

  it('waits out throttling and still gets every event', async () => {
    const from = now - HOUR;
    const expected = await eventIdsInRange(harness.clients, WEB, from, now);
    harness.sandbox.controls.pageShape('FilterLogEvents', { maxEvents: 300 });
    harness.sandbox.controls.throttle('FilterLogEvents', 5);
    const started = performance.now();
    const progress = await pull({ from, to: now });
    expect(progress.state).toBe('done');
    expect(progress.events).toBe(expected.length);
    // The sandbox let through five requests a second, so the pages took at least that long.
    const pages = Math.ceil(expected.length / 300);
    expect(performance.now() - started).toBeGreaterThan(((pages - 5) / 5) * 1000);
  });

  it('restarts a slice from its last timestamp when the next token expires', async () => {
    const from = now - HOUR;
    const expected = await eventIdsInRange(harness.clients, WEB, from, now);
    harness.sandbox.controls.pageShape('FilterLogEvents', { maxEvents: 100, expireTokenAfter: 2 });
    const progress = await pull({ from, to: now });
    expect(progress.state).toBe('done');
    expect(progress.events).toBe(expected.length);
    expect(new Set(await storedIds()).size).toBe(expected.length);
  });

  it('drops an event CloudWatch returns twice', async () => {
    const from = now - 2 * HOUR;
    const expected = await eventIdsInRange(harness.clients, WEB, from, now);
    harness.sandbox.controls.pageShape('FilterLogEvents', { maxEvents: 50, repeatLastEvent: true });
    const progress = await pull({ from, to: now });
    expect(progress.duplicates).toBeGreaterThan(0);
    expect(progress.events).toBe(expected.length);
    expect((await storedIds()).length).toBe(expected.length);
  });
});

describe('refresh and resume', () => {
  it('refreshes only what is new, including events that arrived late in another stream', async () => {
    const pulledUntil = Date.now();
    const first = await pull({ from: pulledUntil - HOUR, to: pulledUntil });
    const writer = new CloudWatchLogsClient({
      endpoint: harness.sandbox.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    // Written after the pull but dated before its end, in a stream of its own.
    await writer.send(
      new PutLogEventsCommand({
        logGroupName: WEB,
        logStreamName: 'web/web/late-task',
        logEvents: [{ timestamp: pulledUntil - 60_000, message: 'late arrival 42' }],
      }),
    );
    writer.destroy();

    const refreshed = await pull({ refresh: true });
    expect(refreshed.state).toBe('done');
    expect(refreshed.events).toBeLessThan(first.events / 4);
    const late = await harness.engine.search({ query: 'arrival', offset: 0, limit: 5 });
    expect(late.total).toBe(1);
    const ids = await storedIds();
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resumes a pull cut off midway without gaps or duplicates', async () => {
    const from = now - 6 * HOUR;
    const expected = await eventIdsInRange(harness.clients, WEB, from, now);
    harness.sandbox.controls.pageShape('FilterLogEvents', { maxEvents: 1000 });
    harness.restart({ rateQuota: 4 });
    const cut = await pull({ from, to: now }, (progress) => {
      if (progress.events > expected.length / 3) void harness.service.cancel(progress.pullId);
    });
    expect(cut.state).toBe('cancelled');
    expect(cut.events).toBeLessThan(expected.length);

    // A crash can leave half a line at the end of a segment.
    const store = new PullStore(currentFolder());
    const [state] = await store.pulledGroups('sandbox');
    expect(state.unfinished).toBeDefined();
    const [firstSegment] = await store.segments(state);
    await appendFile(firstSegment, '{"t":17,"s":"web/web/x","i":"broken');

    harness.restart();
    const resumed = await pull({ from, to: now });
    expect(resumed.state).toBe('done');
    const ids = await storedIds();
    expect(ids.length).toBe(expected.length);
    expect(new Set(ids)).toEqual(new Set(expected));
  });
});

describe('cancel and resume', () => {
  it('index exactly the events on disk, after the cancel and after the resume', async () => {
    const from = now - 24 * HOUR;
    harness.sandbox.controls.pageShape('FilterLogEvents', { maxEvents: 10 });
    harness.restart({ rateQuota: 40 });
    const cut = await pull({ from, to: now }, (progress) => {
      if (progress.events >= 200) void harness.service.cancel(progress.pullId);
    });
    expect(cut.state).toBe('cancelled');
    const onDisk = (await storedIds()).length;
    expect(onDisk).toBe(cut.events);
    expect(await harness.engine.sources()).toMatchObject([{ state: 'ready', records: onDisk }]);

    harness.sandbox.controls.pageShape('FilterLogEvents', { maxEvents: 1000 });
    harness.restart({ rateQuota: 50 });
    const resumed = await pull({ from, to: now });
    expect(resumed.state).toBe('done');
    const all = await storedIds();
    expect(all.length).toBe((await eventIdsInRange(harness.clients, WEB, from, now)).length);
    expect((await harness.engine.sources())[0].records).toBe(all.length);
  });
});

describe('bad input', () => {
  it('refuses a log group the profile does not list', async () => {
    await expect(
      pull({ logGroups: ['/ecs/opsdesk-build'], from: now - HOUR, to: now }),
    ).rejects.toThrow(/does not list the log group \/ecs\/opsdesk-build/);
  });

  it('says so when the range holds no events', async () => {
    const progress = await pull({ from: now - 30 * 24 * HOUR, to: now - 29 * 24 * HOUR });
    expect(progress.state).toBe('done');
    expect(progress.events).toBe(0);
    expect(progress.message).toMatch(/^No events in \/ecs\/demo\/web from/);
    expect(await harness.engine.sources()).toEqual([]);
  });

  it('adds no source for a filter pattern nothing matches', async () => {
    const progress = await pull({ from: now - HOUR, to: now, filterPattern: '"no-such-text-xyz"' });
    expect(progress.state).toBe('done');
    expect(progress.events).toBe(0);
    expect(await harness.engine.sources()).toEqual([]);
  });

  it("shows CloudWatch's message for a filter pattern with a syntax error", async () => {
    const progress = await pull({ from: now - HOUR, to: now, filterPattern: '"unclosed' });
    expect(progress.state).toBe('failed');
    expect(progress.message).toMatch(/logs:FilterLogEvents failed: .*filter pattern/i);
    expect(await harness.engine.sources()).toEqual([]);
  });
});
