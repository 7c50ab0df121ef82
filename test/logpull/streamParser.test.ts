import { describe, expect, it } from 'vitest';
import { GroupParser } from '../../src/main/logpull/streamParser';
import type { PulledEvent } from '../../src/main/logpull/pulledEvent';

let nextId = 0;
function event(logStreamName: string, timestamp: number, message: string): PulledEvent {
  nextId += 1;
  return { logStreamName, timestamp, message, eventId: String(nextId) };
}

const T = Date.parse('2026-12-03T10:00:00Z');

describe('parsing pulled events', () => {
  it('detects the format per stream from its first messages', () => {
    const parser = new GroupParser('/ecs/demo/mixed');
    const run = parser.run();
    const parsed = [
      ...run.push([
        event(
          'web',
          T,
          '10.0.0.1 - - [03/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl" 0.001',
        ),
        event('app', T + 1, '{"time":"2026-12-03T10:00:00.001Z","level":"warn","msg":"slow"}'),
      ]),
      ...run.end(),
    ];
    expect(parsed.map((parsedEvent) => parsedEvent.fields.status ?? parsedEvent.level)).toEqual([
      200,
      'warn',
    ]);
    expect(parser.format()).toBe('mixed');
  });

  it("keeps CloudWatch's timestamp when the text carries no time", () => {
    const run = new GroupParser('/g').run();
    const [parsed] = [...run.push([event('s', T + 42, 'no time in this line')]), ...run.end()];
    expect(parsed.time).toBe(T + 42);
  });

  it("keeps the text's own time when there is one", () => {
    const run = new GroupParser('/g').run();
    const [parsed] = [
      ...run.push([event('s', T + 5000, '2026-12-03T09:59:59.000Z ERROR boom')]),
      ...run.end(),
    ];
    expect(parsed.time).toBe(Date.parse('2026-12-03T09:59:59.000Z'));
    expect(parsed.level).toBe('error');
  });

  it('adds the log group and stream to every event', () => {
    const run = new GroupParser('/ecs/demo/worker').run();
    const [parsed] = [...run.push([event('worker/worker/abc', T, 'hello')]), ...run.end()];
    expect(parsed.fields).toMatchObject({
      log_group: '/ecs/demo/worker',
      log_stream: 'worker/worker/abc',
    });
  });

  it('assembles a stack trace written as several events, stream by stream', () => {
    const run = new GroupParser('/ecs/demo/worker').run();
    const parsed = [
      ...run.push([
        event('a', T, '2026-12-03T10:00:00.000Z ERROR job failed: Error: connect ECONNREFUSED'),
        event('b', T + 1, '2026-12-03T10:00:00.001Z INFO other stream'),
        event('a', T + 2, '    at Pool.connect (/app/node_modules/pg-pool/index.js:45:11)'),
        event('a', T + 3, '    at Worker.process (/app/dist/worker.js:112:9)'),
        event('a', T + 4, '2026-12-03T10:00:00.004Z INFO next job'),
      ]),
      ...run.end(),
    ];
    const failure = parsed.find((parsedEvent) => parsedEvent.level === 'error')!;
    expect(failure.lineCount).toBe(3);
    expect(failure.text).toContain('worker.js:112:9');
    expect(parsed).toHaveLength(3);
  });
});
