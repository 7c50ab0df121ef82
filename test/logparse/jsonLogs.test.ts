import { describe, expect, it } from 'vitest';
import { parseLines } from '../../src/logparse';
import { countBy, parseFixture } from './fixtureLog';

describe('Caddy JSON behind a docker compose prefix (caddy-compose-prefixed.log)', () => {
  const { format, events } = parseFixture('ecs-json/caddy-compose-prefixed.log');

  it('strips the service prefix and reads each line as JSON', () => {
    expect(format).toBe('docker-compose');
    expect(events).toHaveLength(39);
    expect(events.every((event) => event.fields.service === 'caddy')).toBe(true);
    expect(events[0].message).toBe('maxprocs: Leaving GOMAXPROCS=12: CPU quota undefined');
  });

  it('reads ts as fractional epoch seconds', () => {
    expect(events[0].time).toBe(Date.UTC(2025, 9, 21, 4, 10, 22, 315));
  });

  it('counts the levels', () => {
    expect(countBy(events, (event) => event.level)).toEqual({ info: 30, warn: 9 });
  });

  it('keeps logger, nested arrays as JSON text and huge integers exact', () => {
    expect(events[5].fields.logger).toBe('admin');
    expect(JSON.parse(String(events[5].fields.origins))).toEqual([
      '//[::1]:2019',
      '//127.0.0.1:2019',
      '//localhost:2019',
    ]);
    expect(JSON.parse(String(events[10].fields.protocols))).toEqual(['h1', 'h2', 'h3']);
    expect(events[1].fields.previous).toBe('9223372036854775807');
    expect(events[1].fields.GOMEMLIMIT).toBe(29511419904);
  });

  it('flattens nested request objects of access entries', () => {
    const access = events[15];
    expect(access.fields['request.method']).toBe('GET');
    expect(access.fields['request.remote_ip']).toBe('172.19.0.1');
    expect(access.fields['request.headers.Accept-Language']).toBe('["en-US,en;q=0.5"]');
  });

  it('keeps 4-byte UTF-8 characters in messages', () => {
    expect(events[17].message).toBe('exiting; byeee!! 👋');
    expect(events[17].level).toBe('warn');
  });
});

describe('Elasticsearch 7 JSON with a stack trace broken over lines (elasticsearch-json-stacktrace.log)', () => {
  const { format, events } = parseFixture('ecs-json/elasticsearch-json-stacktrace.log');

  it('assembles 68 physical lines into 9 records', () => {
    expect(format).toBe('json');
    expect(events).toHaveLength(9);
    expect(events.reduce((lines, event) => lines + event.lineCount, 0)).toBe(68);
  });

  it('reads comma decimals and +0100 offsets without colon', () => {
    expect(events[0].time).toBe(Date.UTC(2019, 0, 10, 9, 46, 46, 679));
  });

  it('reads level, component and dotted keys', () => {
    expect(events.map((event) => event.level)).toEqual([
      'info',
      'info',
      'warn',
      'debug',
      'warn',
      'info',
      'info',
      'error',
      'warn',
    ]);
    expect(events[0].fields).toMatchObject({
      component: 'o.e.e.NodeEnvironment',
      'cluster.name': 'qa_die-with-dignity_integTestCluster',
      'node.name': 'node-0',
    });
  });

  it('decodes the escaped frames of a long message', () => {
    expect(events[7].message.length).toBeGreaterThan(4000);
    expect(events[7].message).toContain('fatal error\n\tat org.elasticsearch.ExceptionsHelper');
  });

  it('makes the 60-line record one event with a 59-element stack trace', () => {
    const record = events[8];
    expect(record.lineNumber).toBe(9);
    expect(record.lineCount).toBe(60);
    const stacktrace = JSON.parse(String(record.fields.stacktrace)) as string[];
    expect(stacktrace).toHaveLength(59);
    expect(stacktrace).toContain('Caused by: java.lang.OutOfMemoryError: die with dignity');
    expect(stacktrace[58]).toBe('... 39 more');
    expect(record.text).toContain('"... 39 more"] }');
  });
});

describe('bunyan JSON from Renovate (renovate-bunyan.jsonl)', () => {
  const { format, events } = parseFixture('ecs-json/renovate-bunyan.jsonl');

  it('maps numeric levels 20 and 30 to debug and info', () => {
    expect(format).toBe('json');
    expect(countBy(events, (event) => event.level)).toEqual({ debug: 9, info: 1 });
    // The level became the event's own and is not repeated among the fields.
    expect(events[3].fields).not.toHaveProperty('level');
  });

  it('reads time, msg, hostname and pid', () => {
    expect(events[0].time).toBe(Date.UTC(2023, 2, 24, 14, 26, 16, 243));
    expect(events[0].message).toBe('Found gitlabci-include package files');
    expect(events[0].fields).toMatchObject({ hostname: 'renovate-gitlab-67c4bcb5-9ggbv', pid: 7 });
    expect(events[0].fields).not.toHaveProperty('msg');
    expect(events[0].fields).not.toHaveProperty('time');
  });

  it('flattens nested objects to dotted keys', () => {
    expect(events[3].fields['stats.managers.npm.depCount']).toBe(15);
    expect(events[3].fields['stats.total.fileCount']).toBe(3);
    expect(events[2].fields['src.func']).toBe('Wuzzle.woos');
    expect(events[2].fields['src.line']).toBe(20);
  });
});

describe('pino JSON from the OpenTelemetry demo (otel-payment-pino.jsonl)', () => {
  const { format, events } = parseFixture('ecs-json/otel-payment-pino.jsonl');
  const [charge] = events;

  it('reads time as epoch milliseconds and the level word', () => {
    expect(format).toBe('json');
    expect(charge.time).toBe(Date.UTC(2025, 3, 24, 22, 8, 37, 537));
    expect(charge.level).toBe('info');
    expect(charge.message).toBe('Charge request received.');
  });

  it('keeps dotted keys, trace ids, deep numbers and booleans', () => {
    expect(charge.fields).toMatchObject({
      'service.name': 'payment',
      trace_id: 'c759f29f5f1e2162be56f32dd1e77fce',
      span_id: '17c4a60ca4297cf1',
      'request.amount.units.low': 513,
      'request.amount.units.unsigned': false,
      'request.creditCard.creditCardExpirationYear': 2039,
    });
  });
});

describe('time, level and message keys of generic JSON lines', () => {
  const { events } = parseLines([
    '{"time":"2024-10-01T12:00:00.123Z","level":"warn","msg":"slow","request_id":"a3f0"}',
    '{"ts":1727784000,"status":503,"message":"upstream failed"}',
    '{"@timestamp":"2024-10-01T12:00:00Z","status":"ERROR","message":"boom"}',
  ]);

  it('become the event own and are not repeated among the fields', () => {
    expect(events[0].time).toBe(Date.UTC(2024, 9, 1, 12, 0, 0, 123));
    expect(events[0].level).toBe('warn');
    expect(events[0].fields).toEqual({ request_id: 'a3f0' });
  });

  it('read a number under status as an HTTP status, not a level', () => {
    expect(events[1].level).toBe('unknown');
    expect(events[1].fields).toEqual({ status: 503 });
  });

  it('read a level word under status as the level', () => {
    expect(events[2].level).toBe('error');
    expect(events[2].fields).toEqual({});
  });
});
