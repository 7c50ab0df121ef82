import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FilterLogEventsCommand,
  paginateFilterLogEvents,
  type FilteredLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeImagesCommand } from '@aws-sdk/client-ecr';
import type { RunningSandbox } from '../../src/sandbox';
import { startTestSandbox, type SandboxClients } from './sandboxClients';

let sandbox: RunningSandbox;
let aws: SandboxClients;
const endTime = Date.now();
const startTime = endTime - 86_400_000;
const ONE_MB = 1_048_576;

/** The size AWS counts for an event in a page. */
const pageBytes = (events: FilteredLogEvent[]) =>
  events.reduce((sum, event) => sum + Buffer.byteLength(event.message!) + 26, 0);

beforeAll(async () => {
  // 50,000 events a day per group: enough for pages to hit both AWS limits.
  ({ sandbox, aws } = await startTestSandbox({ logEventsPerGroup: 50_000 }));
});
beforeEach(() => sandbox.controls.reset());
afterAll(() => sandbox.close());

async function pullAll(logGroupName: string, filterPattern?: string) {
  const pages: FilteredLogEvent[][] = [];
  const paginator = paginateFilterLogEvents(
    { client: aws.logs },
    { logGroupName, startTime, endTime, filterPattern },
  );
  for await (const page of paginator) pages.push(page.events!);
  return pages;
}

describe('FilterLogEvents page limits', () => {
  it('stops a page at 1 MB of events and carries on in the next without gaps', async () => {
    const pages = await pullAll('/ecs/demo/web');
    const events = pages.flat();
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages.slice(0, -1)) {
      expect(page.length).toBeLessThan(10_000);
      expect(pageBytes(page)).toBeLessThanOrEqual(ONE_MB);
      expect(pageBytes(page)).toBeGreaterThan(ONE_MB - 2048);
    }
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
    expect(events.length).toBeGreaterThan(49_000);
  });

  it('stops a page at 10,000 events when they are small', async () => {
    const first = await aws.logs.send(
      new FilterLogEventsCommand({
        logGroupName: '/aws/lambda/opsdesk-deploy',
        startTime,
        endTime,
        filterPattern: 'END RequestId',
      }),
    );
    expect(first.events).toHaveLength(10_000);
    expect(pageBytes(first.events!)).toBeLessThan(ONE_MB);
    expect(first.nextToken).toBeDefined();
  });

  it('honours a smaller limit from the request', async () => {
    const page = await aws.logs.send(
      new FilterLogEventsCommand({
        logGroupName: '/ecs/demo/worker',
        startTime,
        endTime,
        limit: 25,
      }),
    );
    expect(page.events).toHaveLength(25);
    expect(page.nextToken).toBeDefined();
  });
});

describe('page shapes the sandbox is told to return', () => {
  it('serves empty pages with a next token before the events', async () => {
    sandbox.controls.pageShape('FilterLogEvents', { emptyPagesBefore: 2, maxEvents: 100 });
    const request = { logGroupName: '/ecs/demo/worker', startTime, endTime };
    const first = await aws.logs.send(new FilterLogEventsCommand(request));
    const second = await aws.logs.send(
      new FilterLogEventsCommand({ ...request, nextToken: first.nextToken }),
    );
    const third = await aws.logs.send(
      new FilterLogEventsCommand({ ...request, nextToken: second.nextToken }),
    );
    expect(first.events).toEqual([]);
    expect(first.nextToken).toBeDefined();
    expect(second.events).toEqual([]);
    expect(third.events).toHaveLength(100);
  });

  it('loses no events when a pull follows every token through empty pages', async () => {
    const plain = (await pullAll('/ecs/demo/worker', 'ERROR')).flat();
    sandbox.controls.pageShape('FilterLogEvents', { emptyPagesBefore: 3, maxEvents: 50 });
    const shaped = await pullAll('/ecs/demo/worker', 'ERROR');
    expect(shaped.slice(0, 3)).toEqual([[], [], []]);
    expect(shaped.flat().map((event) => event.eventId)).toEqual(
      plain.map((event) => event.eventId),
    );
  });

  it('caps pages at the bytes it is told', async () => {
    sandbox.controls.pageShape('FilterLogEvents', { maxBytes: 10_000 });
    const page = await aws.logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/demo/web', startTime, endTime }),
    );
    expect(pageBytes(page.events!)).toBeLessThanOrEqual(10_000);
    expect(pageBytes(page.events!)).toBeGreaterThan(9_000);
  });

  it('shapes other listings too, e.g. DescribeImages', async () => {
    sandbox.controls.pageShape('DescribeImages', { emptyPagesBefore: 1, maxEvents: 4 });
    const first = await aws.ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/web' }));
    const second = await aws.ecr.send(
      new DescribeImagesCommand({ repositoryName: 'demo/web', nextToken: first.nextToken }),
    );
    const third = await aws.ecr.send(
      new DescribeImagesCommand({ repositoryName: 'demo/web', nextToken: second.nextToken }),
    );
    expect(first.imageDetails).toEqual([]);
    expect(second.imageDetails).toHaveLength(4);
    expect(third.imageDetails).toHaveLength(2);
    expect(third.nextToken).toBeUndefined();
  });
});
