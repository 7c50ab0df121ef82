import { describe, expect, it } from 'vitest';
import { parseText } from './fixtureLog';

// Lines written in the shapes AWS documents for the Python runtime, failed
// invocations and the JSON log format; the corpus has no file of them.
describe('Lambda Python runtime lines', () => {
  const { format, events } = parseText([
    '[INFO]\t2024-02-01T10:00:00.123Z\t0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\tFound 3 orders',
    "[ERROR]\t2024-02-01T10:00:00.456Z\t0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\tKeyError: 'id'",
    'Traceback (most recent call last):',
    '  File "/var/task/app.py", line 7, in handler',
    "[ERROR] Runtime.ImportModuleError: Unable to import module 'app'",
  ]);

  it('reads level, time, request id and message', () => {
    expect(format).toBe('lambda');
    expect(events[0]).toMatchObject({
      level: 'info',
      time: Date.UTC(2024, 1, 1, 10, 0, 0, 123),
      message: 'Found 3 orders',
      fields: { request_id: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' },
    });
  });

  it('joins a traceback to the error line and keeps init errors apart', () => {
    expect(events).toHaveLength(3);
    expect(events[1].lineCount).toBe(3);
    expect(events[1].level).toBe('error');
    expect(events[2]).toMatchObject({
      level: 'error',
      message: "Runtime.ImportModuleError: Unable to import module 'app'",
    });
  });
});

describe('Lambda platform lines of failures', () => {
  const { events } = parseText([
    '2024-02-01T10:00:00.000Z\tINIT_REPORT Init Duration: 10001.23 ms\tPhase: init\tStatus: timeout',
    '2024-02-01T10:00:30.000Z\tREPORT RequestId: 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\tStatus: timeout',
  ]);

  it('reads status and marks the events as errors', () => {
    expect(events[0].fields).toMatchObject({
      event: 'INIT_REPORT',
      init_duration_ms: 10001.23,
      phase: 'init',
      status: 'timeout',
    });
    expect(events[1].fields).toMatchObject({
      event: 'REPORT',
      duration_ms: 3000,
      status: 'timeout',
    });
    expect(events.map((event) => event.level)).toEqual(['error', 'error']);
  });
});

describe('Lambda JSON log format application records', () => {
  it('reads timestamp, level, message and request id', () => {
    const { format, events } = parseText([
      '{"timestamp":"2024-02-01T10:00:00.789Z","level":"WARN","message":"slow query","requestId":"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"}',
    ]);
    expect(format).toBe('json');
    expect(events[0]).toMatchObject({
      time: Date.UTC(2024, 1, 1, 10, 0, 0, 789),
      level: 'warn',
      message: 'slow query',
      fields: { requestId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' },
    });
  });
});
