import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  type FilterLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import type { RunningSandbox } from '../../src/sandbox';
import { startTestSandbox, waitFor, type SandboxClients } from './sandboxClients';

let sandbox: RunningSandbox;
let aws: SandboxClients;
const now = Date.now();
const dayAgo = now - 86_400_000;

beforeAll(async () => {
  ({ sandbox, aws } = await startTestSandbox({ logEventsPerGroup: 3000 }));
});
afterAll(() => sandbox.close());

async function filter(
  input: Omit<FilterLogEventsCommandInput, 'logGroupName'> & { logGroupName?: string },
) {
  return aws.logs.send(
    new FilterLogEventsCommand({
      logGroupName: '/ecs/demo/web',
      startTime: dayAgo,
      endTime: now,
      ...input,
    }),
  );
}

describe('log groups and streams', () => {
  it('lists the demo groups with their stored bytes', async () => {
    const { logGroups } = await aws.logs.send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/demo/' }),
    );
    expect(logGroups!.map((group) => group.logGroupName)).toEqual([
      '/ecs/demo/web',
      '/ecs/demo/worker',
    ]);
    // 3,000 lines of a few hundred bytes each.
    expect(logGroups![0].storedBytes).toBeGreaterThan(300_000);
    expect(logGroups![0].storedBytes).toBeLessThan(1_500_000);
  });

  it('lists a stream per web task, with first and last event times within the last day', async () => {
    const { logStreams } = await aws.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: '/ecs/demo/web' }),
    );
    expect(logStreams).toHaveLength(2);
    for (const stream of logStreams!) {
      expect(stream.logStreamName).toMatch(/^web\/web\/[0-9a-f]{32}$/);
      expect(stream.firstEventTimestamp).toBeGreaterThanOrEqual(dayAgo - 1000);
      expect(stream.lastEventTimestamp).toBeLessThanOrEqual(Date.now());
    }
  });

  it('answers ResourceNotFoundException for a group that does not exist', async () => {
    await expect(filter({ logGroupName: '/nope' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

describe('FilterLogEvents', () => {
  it('returns the day of events in time order with unique ids', async () => {
    const { events } = await filter({});
    expect(events!.length).toBeGreaterThan(2900);
    expect(events!.length).toBeLessThanOrEqual(3001);
    expect(new Set(events!.map((event) => event.eventId)).size).toBe(events!.length);
    expect(
      events!.every(
        (event, index) => index === 0 || events![index - 1].timestamp! <= event.timestamp!,
      ),
    ).toBe(true);
  });

  it('holds nginx access lines and app JSON lines in the web group', async () => {
    const { events } = await filter({ limit: 200 });
    const messages = events!.map((event) => event.message!);
    expect(
      messages.some((message) =>
        /^\d+\.\d+\.\d+\.\d+ - - \[\d\d\/\w{3}\/\d{4}:[\d:]+ \+0000\] "(GET|POST) \//.test(message),
      ),
    ).toBe(true);
    expect(
      messages.some(
        (message) => JSON.parse(message.startsWith('{') ? message : 'null')?.level === 'info',
      ),
    ).toBe(true);
  });

  it('matches all terms, any optional term, or a quoted phrase', async () => {
    const all = (await filter({ filterPattern: 'GET HTTP/1.1' })).events!;
    const either = (
      await filter({ logGroupName: '/ecs/demo/worker', filterPattern: '?ERROR ?WARN' })
    ).events!;
    const phrase = (await filter({ filterPattern: '"upstream timeout"' })).events!;
    expect(all.length).toBeGreaterThan(100);
    expect(
      all.every((event) => event.message!.includes('GET') && event.message!.includes('HTTP/1.1')),
    ).toBe(true);
    expect(either.some((event) => event.message!.includes('ERROR'))).toBe(true);
    expect(either.some((event) => event.message!.includes('WARN'))).toBe(true);
    expect(either.every((event) => /ERROR|WARN/.test(event.message!))).toBe(true);
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.every((event) => event.message!.includes('upstream timeout'))).toBe(true);
  });

  it('matches JSON fields', async () => {
    const errors = (await filter({ filterPattern: '{ $.level = "error" }' })).events!;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((event) => JSON.parse(event.message!).level === 'error')).toBe(true);
  });

  it('rejects an invalid pattern as CloudWatch does', async () => {
    await expect(filter({ filterPattern: '{ $.level = ' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid filter pattern',
    });
  });

  it('keeps to the time range and the chosen streams', async () => {
    const { logStreams } = await aws.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: '/ecs/demo/web' }),
    );
    const stream = logStreams![0].logStreamName!;
    const hourAgo = now - 3_600_000;
    const { events } = await filter({ startTime: hourAgo, logStreamNames: [stream] });
    expect(events!.length).toBeGreaterThan(20);
    expect(events!.every((event) => event.timestamp! >= hourAgo && event.timestamp! <= now)).toBe(
      true,
    );
    expect(events!.every((event) => event.logStreamName === stream)).toBe(true);
  });
});

describe('GetLogEvents', () => {
  it('reads a stream forward from the head and returns the same token at its end', async () => {
    const logStreamName = (
      await aws.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/demo/worker' }))
    ).logStreams![0].logStreamName!;
    const request = {
      logGroupName: '/ecs/demo/worker',
      logStreamName,
      startTime: dayAgo,
      endTime: now,
      limit: 1000,
    };
    let token: string | undefined;
    let total = 0;
    let pages = 0;
    for (;;) {
      const page = await aws.logs.send(
        new GetLogEventsCommand({ ...request, startFromHead: true, nextToken: token }),
      );
      total += page.events!.length;
      pages++;
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    expect(total).toBeGreaterThan(2900);
    // Three full pages, one partial, and the empty page that returns the same token.
    expect(pages).toBe(Math.ceil(total / 1000) + 1);
  });

  it('reads backward from the tail by default', async () => {
    const logStreamName = (
      await aws.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/demo/worker' }))
    ).logStreams![0].logStreamName!;
    const tail = await aws.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/ecs/demo/worker',
        logStreamName,
        endTime: now,
        limit: 5,
      }),
    );
    const before = await aws.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/ecs/demo/worker',
        logStreamName,
        endTime: now,
        limit: 5,
        nextToken: tail.nextBackwardToken,
      }),
    );
    expect(tail.events).toHaveLength(5);
    expect(before.events).toHaveLength(5);
    expect(before.events![4].timestamp).toBeLessThanOrEqual(tail.events![0].timestamp!);
    expect(now - tail.events![4].timestamp!).toBeLessThan(10 * 60_000);
  });
});

describe('Logs Insights', () => {
  async function query(queryString: string) {
    const { queryId } = await aws.logs.send(
      new StartQueryCommand({
        logGroupName: '/ecs/demo/web',
        startTime: Math.floor(dayAgo / 1000),
        endTime: Math.floor(now / 1000),
        queryString,
      }),
    );
    return waitFor(
      () => aws.logs.send(new GetQueryResultsCommand({ queryId })),
      (answer) => answer.status === 'Complete',
    );
  }

  it('counts events per 5-minute bin', async () => {
    const answer = await query('stats count(*) by bin(5m)');
    const counts = answer.results!.map((row) =>
      Number(row.find((cell) => cell.field === 'count(*)')!.value),
    );
    expect(answer.results!.length).toBeGreaterThan(250);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(answer.statistics!.recordsMatched);
    expect(answer.results![0][0]).toMatchObject({
      field: 'bin(5m)',
      value: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d[05]:00\.000$/),
    });
  });

  it('filters messages by a regular expression and limits the rows', async () => {
    const answer = await query(
      'fields @timestamp, @message | filter @message like /POST/ | limit 7',
    );
    expect(answer.results).toHaveLength(7);
    for (const row of answer.results!) {
      expect(row.map((cell) => cell.field)).toEqual(['@timestamp', '@message', '@ptr']);
      expect(row[1].value).toContain('POST');
    }
  });

  it('rejects a query it cannot parse', async () => {
    await expect(query('explode everything')).rejects.toMatchObject({
      name: 'MalformedQueryException',
    });
  });
});
