// Following a log live, against an in-memory log whose reads behave as CloudWatch's do.
import { describe, expect, it } from 'vitest';
import { followLog, startLogTail, type FollowLogOptions } from '../../src/main/logpull/tail';
import type { TailLine } from '../../src/shared/ipc/channels/logpull';

const GROUP = '/aws/lambda/deploy';
const MINUTE = 60_000;

interface StoredEvent {
  logStreamName: string;
  timestamp: number;
  message: string;
}

/**
 * A log group in memory. GetLogEvents reads one stream without event ids;
 * FilterLogEvents reads every stream with ids, in two pages of which the
 * second starts with the last event of the first again, as AWS's pages may.
 */
function memoryLog() {
  const events: StoredEvent[] = [];
  const idOf = (event: StoredEvent) => `id-${events.indexOf(event)}`;
  const inOrder = (list: StoredEvent[]) =>
    [...list].sort((a, b) => a.timestamp - b.timestamp || events.indexOf(a) - events.indexOf(b));
  const logs = {
    async *logStreamPages(read: { logStreamName: string; startTime: number }) {
      if (!events.some((event) => event.logStreamName === read.logStreamName)) {
        throw new Error('The specified log stream does not exist.');
      }
      const found = inOrder(
        events.filter(
          (event) =>
            event.logStreamName === read.logStreamName && event.timestamp >= read.startTime,
        ),
      );
      yield { events: found.map(({ timestamp, message }) => ({ timestamp, message })) };
    },
    async *filterLogEventPages(filter: { startTime: number }) {
      const found = inOrder(events.filter((event) => event.timestamp >= filter.startTime)).map(
        (event) => ({ ...event, eventId: idOf(event) }),
      );
      const half = Math.ceil(found.length / 2);
      yield { events: found.slice(0, half) };
      yield { events: found.slice(Math.max(0, half - 1)) };
    },
  };
  return {
    logs: logs as unknown as FollowLogOptions['logs'],
    write: (logStreamName: string, timestamp: number, ...messages: string[]) =>
      messages.forEach((message) => events.push({ logStreamName, timestamp, message })),
  };
}

/** A sleep the test ends: `look` lets the tail read once more and waits until it sleeps again. */
function steppedPolls() {
  let wake: (() => void) | undefined;
  let asleep: (() => void) | undefined;
  const nextSleep = () => new Promise<void>((resolve) => (asleep = resolve));
  return {
    sleep(_ms: number, signal?: AbortSignal) {
      return new Promise<void>((resolve, reject) => {
        wake = resolve;
        signal?.addEventListener('abort', () => reject(new Error('stopped')), { once: true });
        asleep?.();
      });
    },
    /** Waits for the first read to end. */
    started: nextSleep,
    async look() {
      const next = nextSleep();
      wake?.();
      await next;
    },
  };
}

function collect() {
  const batches: string[][] = [];
  return {
    batches,
    onLines: (lines: TailLine[]) => void batches.push(lines.map((line) => line.message)),
  };
}

/** Follows `log` from time 0 with stepped polls; `stop` ends it and gives the batches shown. */
async function follow(log: ReturnType<typeof memoryLog>, logStream?: string) {
  const polls = steppedPolls();
  const seen = collect();
  const controller = new AbortController();
  const following = followLog({
    logs: log.logs,
    logGroup: GROUP,
    logStream,
    from: 0,
    signal: controller.signal,
    sleep: polls.sleep,
    onLines: seen.onLines,
  });
  await polls.started();
  return {
    look: polls.look,
    async stop() {
      controller.abort();
      await following;
      return seen.batches;
    },
  };
}

describe('following one stream', () => {
  it('shows each event once, a line repeated in the same millisecond included', async () => {
    const log = memoryLog();
    log.write('web/1', 100, 'first', 'same');
    const tail = await follow(log, 'web/1');

    log.write('web/1', 100, 'same');
    log.write('web/1', 105, 'later');
    log.write('web/2', 105, 'another stream');
    await tail.look();
    await tail.look();

    expect(await tail.stop()).toEqual([
      ['first', 'same'],
      ['same', 'later'],
    ]);
  });

  it('starts five minutes back when no start time is given', async () => {
    const log = memoryLog();
    const seen = collect();
    const now = 100 * MINUTE;
    log.write('web/1', now - 6 * MINUTE, 'too old');
    log.write('web/1', now - 4 * MINUTE, 'recent');
    const controller = new AbortController();
    controller.abort();
    await followLog({
      logs: log.logs,
      logGroup: GROUP,
      logStream: 'web/1',
      signal: controller.signal,
      now: () => now,
      onLines: seen.onLines,
    });

    expect(seen.batches).toEqual([['recent']]);
  });

  it('ends with the error when a read fails, unless told to keep trying', async () => {
    const log = memoryLog();
    const following = followLog({
      logs: log.logs,
      logGroup: GROUP,
      logStream: 'task/build/1',
      from: 0,
      signal: new AbortController().signal,
      onLines: () => undefined,
    });

    await expect(following).rejects.toThrow('The specified log stream does not exist.');
  });
});

describe('following a whole group', () => {
  it('shows every stream, an event repeated across pages once', async () => {
    const log = memoryLog();
    log.write('2024/01/01/[$LATEST]a', 100, 'START a', 'work a', 'END a');
    const tail = await follow(log);
    log.write('2024/01/01/[$LATEST]b', 200, 'START b');
    await tail.look();

    expect(await tail.stop()).toEqual([['START a', 'work a', 'END a'], ['START b']]);
  });

  it('still shows an event that arrives after a newer one of another stream', async () => {
    const log = memoryLog();
    log.write('stream-a', 5_000, 'newer, read first');
    const tail = await follow(log);
    log.write('stream-b', 4_000, 'older, delivered late');
    await tail.look();
    await tail.look();

    expect(await tail.stop()).toEqual([['newer, read first'], ['older, delivered late']]);
  });
});

describe('a tail started in the background', () => {
  it('keeps asking for a stream that does not exist yet, and reads once more on stop', async () => {
    const log = memoryLog();
    const polls = steppedPolls();
    const seen = collect();
    const tail = startLogTail({
      logs: log.logs,
      logGroup: '/ecs/build',
      logStream: 'build/build/task-1',
      from: 0,
      sleep: polls.sleep,
      onLines: seen.onLines,
    });
    await polls.started();
    log.write('build/build/task-1', 10, 'Cloning repository');
    await polls.look();
    // The result line lands just before the task is seen stopped.
    log.write('build/build/task-1', 20, '{"status":"succeeded"}');
    await tail.stop();

    expect(seen.batches).toEqual([['Cloning repository'], ['{"status":"succeeded"}']]);
  });
});
