import { describe, expect, it } from 'vitest';
import { countBy, parseFixture } from './fixtureLog';

describe('nginx combined access log with a DST change (nginx-combined-dst.log)', () => {
  const { format, events } = parseFixture('access/nginx-combined-dst.log');

  it('is detected as an access log and gives one event per line', () => {
    expect(format).toBe('nginx-combined');
    expect(events).toHaveLength(13);
    expect(events.map((event) => event.lineNumber)).toEqual(
      Array.from({ length: 13 }, (_, index) => index + 1),
    );
  });

  it('counts the statuses as numbers', () => {
    expect(countBy(events, (event) => event.fields.status)).toEqual({
      '404': 8,
      '200': 2,
      '304': 2,
      '206': 1,
    });
    expect(events.every((event) => typeof event.fields.status === 'number')).toBe(true);
  });

  it('converts times with +0200 in October and +0100 in December to UTC', () => {
    expect(events[0].time).toBe(Date.UTC(2016, 9, 25, 12, 49, 33));
    expect(events[3].time).toBe(Date.UTC(2016, 11, 7, 9, 34, 43));
  });

  it('splits the request and keeps referer and user agent, leaving "-" absent', () => {
    expect(events[1].fields).toMatchObject({
      client_ip: '198.18.0.2',
      method: 'GET',
      path: '/favicon.ico',
      protocol: 'HTTP/1.1',
      status: 404,
      bytes: 571,
      referer: 'http://localhost:8080/',
    });
    expect(events[1].fields.user_agent).toContain('Chrome/54.0.2840.59');
    expect(events[0].fields.referer).toBeUndefined();
    expect(events[9].fields.bytes).toBe(0);
  });

  it('reads a leading virtual host as vhost, not as the client', () => {
    const last = events[12];
    expect(last.fields).toMatchObject({
      vhost: 'lessons.example.com',
      client_ip: '192.168.0.1',
      status: 206,
      bytes: 7648063,
      path: '/A%20Beka%20G1%20Howe/029_AND_30/15%20reading%20elephants.mp4',
    });
    expect(last.time).toBe(Date.UTC(2020, 5, 9, 19, 10, 39));
    expect(last.message).toContain('15 reading elephants.mp4');
  });

  it('grades levels by status: 4xx warn, the rest info', () => {
    expect(countBy(events, (event) => event.level)).toEqual({ warn: 8, info: 5 });
  });
});

describe('shop access log with Persian URLs and +0330 offsets (shop-combined-fa.log)', () => {
  const { format, events } = parseFixture('access/shop-combined-fa.log');

  it('reads all 1000 lines with the expected statuses', () => {
    expect(format).toBe('nginx-combined');
    expect(events).toHaveLength(1000);
    expect(countBy(events, (event) => event.fields.status)).toEqual({
      '200': 938,
      '404': 24,
      '302': 20,
      '301': 11,
      '304': 7,
    });
  });

  it('places every line in the 00:15-00:30 UTC quarter hour', () => {
    const quarterStart = Date.UTC(2019, 0, 22, 0, 15);
    const quarterEnd = Date.UTC(2019, 0, 22, 0, 30);
    expect(events.every((event) => event.time! >= quarterStart && event.time! < quarterEnd)).toBe(
      true,
    );
    expect(events[0].time).toBe(Date.UTC(2019, 0, 22, 0, 26, 14));
    expect(events[999].time).toBe(Date.UTC(2019, 0, 22, 0, 29, 11));
  });

  it('keeps the path percent-encoded but makes the Persian words searchable', () => {
    const first = events[0];
    expect(first.fields.path).toContain('%D9%85%DA%AF%D8%A7%D9%BE%DB%8C%DA%A9%D8%B3%D9%84');
    expect(first.message).toContain('مگاپیکسل');
    expect(first.fields.path_decoded).toContain('مگاپیکسل');
    expect(first.text.startsWith('198.18.0.33 - - [22/Jan/2019:03:56:14 +0330]')).toBe(true);
    expect(first.text).not.toContain('\n');
  });

  it('reads bytes, referer and user agent and ignores the trailing "-" field', () => {
    expect(events[1].fields).toMatchObject({
      bytes: 5667,
      referer: 'https://www.zanbil.ir/m/filter/b113',
    });
    expect(events[1].fields.user_agent).toContain('HuaweiALE-L21');
    expect(events[1].fields.forwarded_for).toBeUndefined();
  });
});
