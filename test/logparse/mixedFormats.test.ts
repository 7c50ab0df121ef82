import { describe, expect, it } from 'vitest';
import { messageGenerator } from '../../src/sandbox/logs/generator';
import { countBy, parseText } from './fixtureLog';

const NGINX_OK =
  '10.0.1.17 - - [03/Dec/2026:12:51:40 +0000] "GET /api/orders/4711 HTTP/1.1" 200 812 "-" "okhttp/4.12.0" 0.041';
const NGINX_FAILED =
  '10.0.2.9 - - [03/Dec/2026:12:51:41 +0000] "POST /api/orders HTTP/1.1" 502 120 "-" "okhttp/4.12.0" 12.400';
const JSON_INFO = JSON.stringify({
  time: '2026-12-03T12:51:40.512Z',
  level: 'info',
  logger: 'orders',
  msg: 'order created',
  requestId: '9f2c4e1a7b3d5f60',
  orderId: 4711,
});
const JSON_ERROR = JSON.stringify({
  time: '2026-12-03T12:51:41.020Z',
  level: 'error',
  logger: 'orders',
  msg: 'request failed',
  requestId: '0a1b2c3d4e5f6071',
  err: {
    type: 'TimeoutError',
    message: 'upstream timeout after 30000ms',
    stack: 'Error: upstream timeout\n    at OrdersClient.fetch (/app/dist/orders.js:88:13)',
  },
});

describe('an nginx stream with JSON application lines (an ECS web task)', () => {
  const { format, events } = parseText([
    NGINX_OK,
    JSON_INFO,
    NGINX_OK,
    NGINX_FAILED,
    JSON_ERROR,
    NGINX_OK,
  ]);

  it('is read as an access log, one event per line', () => {
    expect(format).toBe('nginx-combined');
    expect(events.map((event) => event.lineNumber)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives the JSON lines their own level, message, time and fields', () => {
    const [info, error] = [events[1], events[4]];
    expect(info.level).toBe('info');
    expect(info.message).toBe('order created');
    expect(info.time).toBe(Date.UTC(2026, 11, 3, 12, 51, 40, 512));
    expect(info.fields).toMatchObject({ logger: 'orders', orderId: 4711 });
    expect(error.level).toBe('error');
    expect(error.message).toBe('request failed');
    expect(error.fields['err.type']).toBe('TimeoutError');
    expect(error.fields.requestId).toBe('0a1b2c3d4e5f6071');
    expect(error.text).toBe(JSON_ERROR);
  });

  it('keeps the access lines read as access lines', () => {
    const failed = events[3];
    expect(failed.level).toBe('error');
    expect(failed.fields).toMatchObject({ method: 'POST', path: '/api/orders', status: 502 });
    expect(failed.time).toBe(Date.UTC(2026, 11, 3, 12, 51, 41));
    expect(countBy(events, (event) => event.fields.status)).toEqual({
      200: 3,
      502: 1,
      undefined: 2,
    });
  });
});

describe('the sandbox web streams (/ecs/demo/web)', () => {
  const generate = messageGenerator('web', 7);
  const start = Date.UTC(2026, 11, 3, 12);
  const lines = Array.from({ length: 600 }, (_, index) => generate(index, start + index * 250));
  const { format, events } = parseText(lines);

  it('leaves no line unread: every event has a level and fields', () => {
    expect(format).toBe('nginx-combined');
    expect(events).toHaveLength(lines.length);
    expect(events.filter((event) => event.level === 'unknown')).toEqual([]);
    expect(events.filter((event) => Object.keys(event.fields).length === 0)).toEqual([]);
  });

  it('reads every JSON line as an application record with its request id', () => {
    const jsonLines = lines.filter((line) => line.startsWith('{')).length;
    expect(jsonLines).toBeGreaterThan(100);
    expect(events.filter((event) => event.fields.logger === 'orders')).toHaveLength(jsonLines);
    expect(events.filter((event) => typeof event.fields.requestId === 'string')).toHaveLength(
      jsonLines,
    );
  });
});

describe('a JSON stream with access lines among the records', () => {
  const { format, events } = parseText([JSON_INFO, JSON_ERROR, NGINX_FAILED, JSON_INFO]);

  it('reads the access line as one', () => {
    expect(format).toBe('json');
    expect(events).toHaveLength(4);
    expect(events[2].fields).toMatchObject({ client_ip: '10.0.2.9', status: 502 });
    expect(events[2].level).toBe('error');
    expect(events[3].message).toBe('order created');
  });
});

describe('a timestamped application log with JSON lines between', () => {
  const { format, events } = parseText([
    '2026-12-03 12:51:40,100 INFO orders: request body follows',
    '{"orderId": 4711, "items": 3}',
    '2026-12-03 12:51:40,200 ERROR orders: payment failed',
    'Traceback (most recent call last):',
    '  File "/app/pay.py", line 12, in charge',
    'ValueError: card declined',
    JSON_INFO,
    '2026-12-03 12:51:41,000 INFO orders: done',
    '2026-12-03 12:51:41,100 INFO orders: next',
    '2026-12-03 12:51:41,200 INFO orders: done',
  ]);

  it('makes a JSON log record an event of its own', () => {
    expect(format).toBe('plain');
    expect(events.map((event) => event.lineNumber)).toEqual([1, 3, 7, 8, 9, 10]);
    expect(events[2].message).toBe('order created');
    expect(events[2].fields.requestId).toBe('9f2c4e1a7b3d5f60');
  });

  it('leaves an object that is no log record in the event that announced it', () => {
    expect(events[0].lineCount).toBe(2);
    expect(events[0].text).toContain('{"orderId": 4711, "items": 3}');
  });

  it('still joins a traceback to the line before it', () => {
    expect(events[1].lineCount).toBe(4);
    expect(events[1].level).toBe('error');
    expect(events[1].message).toContain('ValueError: card declined');
  });
});

describe('a postgres log with JSON records between', () => {
  const { format, events } = parseText([
    '2026-12-03 12:51:40.100 UTC [812] app@shop LOG:  statement: SELECT id',
    '\tFROM orders',
    '\tWHERE id = 1',
    JSON_ERROR,
    '2026-12-03 12:51:40.300 UTC [812] app@shop LOG:  duration: 1.204 ms',
  ]);

  it('keeps the multi-line statement whole and reads the record as JSON', () => {
    expect(format).toBe('postgres');
    expect(events).toHaveLength(3);
    expect(events[0].fields.statement).toBe('SELECT id\nFROM orders\nWHERE id = 1');
    expect(events[1].level).toBe('error');
    expect(events[1].fields['err.type']).toBe('TimeoutError');
    expect(events[2].fields.duration_ms).toBe(1.204);
  });
});

describe('docker compose output of an nginx container', () => {
  const { format, events } = parseText([
    `web-1  | ${NGINX_OK}`,
    `web-1  | ${NGINX_FAILED}`,
    `app-1  | ${JSON_INFO}`,
  ]);

  it('reads the container lines as access lines', () => {
    expect(format).toBe('docker-compose');
    expect(events[1].fields).toMatchObject({ service: 'web-1', method: 'POST', status: 502 });
    expect(events[1].level).toBe('error');
    expect(events[1].text).toBe(`web-1  | ${NGINX_FAILED}`);
    expect(events[2].fields).toMatchObject({ service: 'app-1', orderId: 4711 });
  });
});
