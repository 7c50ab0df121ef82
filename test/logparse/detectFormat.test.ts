import { describe, expect, it } from 'vitest';
import { detectFormat, FORMAT_LABELS, parseLines } from '../../src/logparse';
import { fixtureLines } from './fixtureLog';

describe('format detection on every corpus file', () => {
  const expected: Record<string, string> = {
    'access/nginx-combined-dst.log': 'nginx-combined',
    'access/shop-combined-fa.log': 'nginx-combined',
    'ecs-json/caddy-compose-prefixed.log': 'docker-compose',
    'ecs-json/elasticsearch-json-stacktrace.log': 'json',
    'ecs-json/otel-payment-pino.jsonl': 'json',
    'ecs-json/renovate-bunyan.jsonl': 'json',
    'ecs-plain/docker-compose-ansi-ts.log': 'docker-compose',
    'lambda-json/platform-report-records.jsonl': 'json',
    'lambda-text/console-export-runtimes.log': 'lambda',
    'lambda-text/stream-prefixed-runtimes.log': 'lambda',
    'lambda-text/subscription-node-invocation.json': 'cloudwatch-subscription',
    'nonascii/syslog-fr-locale.log': 'syslog',
    'postgres/pg-multiline-statement-cest.log': 'postgres',
    'postgres/pg96-debian-slowlog.log': 'postgres',
    'postgres/rds-prefix-pgbench.log': 'postgres',
    'python/py311-logging-traceback.log': 'plain',
    'python/vdsm-py2-traceback.log': 'vdsm',
  };

  for (const [file, format] of Object.entries(expected)) {
    it(`detects ${file} as ${format}`, () => {
      expect(detectFormat(fixtureLines(file).slice(0, 200))).toBe(format);
    });
  }

  it('has a label for every format it detects', () => {
    for (const format of new Set(Object.values(expected))) {
      expect(FORMAT_LABELS[format]).toMatch(/\w/);
    }
    expect(FORMAT_LABELS['nginx-combined']).toBe('nginx/Apache combined access log');
  });
});

describe('format detection on mixed and unknown input', () => {
  it('picks the format that reads most lines of a mixed file', () => {
    const lines = [
      '2024-01-02T10:00:00.000Z\tSTART RequestId: 11111111-2222-3333-4444-555555555555 Version: $LATEST',
      '2024-01-02T10:00:00.100Z\t11111111-2222-3333-4444-555555555555\tINFO\tloading order 42',
      '2024-01-02 10:00:00,200 INFO worker started',
      '2024-01-02T10:00:00.300Z\tEND RequestId: 11111111-2222-3333-4444-555555555555',
      '2024-01-02T10:00:00.300Z\tREPORT RequestId: 11111111-2222-3333-4444-555555555555\tDuration: 3.10 ms\tBilled Duration: 4 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB',
    ];
    const { format, events } = parseLines(lines);
    expect(format).toBe('lambda');
    expect(events).toHaveLength(5);
    expect(events[1].fields.request_id).toBe('11111111-2222-3333-4444-555555555555');
    expect(events[2]).toMatchObject({ level: 'info', message: 'worker started' });
    expect(events[4].fields.duration_ms).toBe(3.1);
  });

  it('falls back to plain, which still reads a leading time and level', () => {
    const lines = ['[2024-05-06 07:08:09] [main] WARN disk almost full', 'of old reports'];
    const { format, events } = parseLines(lines);
    expect(format).toBe('plain');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      level: 'warn',
      time: Date.UTC(2024, 4, 6, 7, 8, 9),
      message: '[main] WARN disk almost full\nof old reports',
    });
  });

  it('keeps lines without any timestamp apart, reading a leading level word', () => {
    const { format, events } = parseLines(['WARNING: low memory', 'just text']);
    expect(format).toBe('plain');
    expect(events.map((event) => [event.level, event.message])).toEqual([
      ['warn', 'WARNING: low memory'],
      ['unknown', 'just text'],
    ]);
  });

  it('prefers plain when a specific format reads only a few lines', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `2024-01-01 00:00:0${i} INFO step ${i}`);
    lines.push('2024-01-01T00:00:10Z\ttab separated like a Lambda export');
    expect(detectFormat(lines)).toBe('plain');
  });

  it('answers plain for an empty sample', () => {
    expect(detectFormat([])).toBe('plain');
    expect(detectFormat(['', '   '])).toBe('plain');
  });
});
