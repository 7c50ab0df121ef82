import { describe, expect, it } from 'vitest';
import { createAssembler, type ParsedEvent } from '../../src/logparse';
import { MAX_EVENT_LINES } from '../../src/logparse/limits';
import { TEST_NOW } from './fixtureLog';

function assemble(format: string, lines: string[]): ParsedEvent[] {
  const assembler = createAssembler(format, { now: TEST_NOW });
  const events: ParsedEvent[] = [];
  for (const line of lines) events.push(...assembler.push(line));
  events.push(...assembler.end());
  return events;
}

const FORMATS = [
  'nginx-combined',
  'lambda',
  'postgres',
  'vdsm',
  'docker-compose',
  'json',
  'syslog',
  'plain',
  'cloudwatch-subscription',
];

describe('lines that fit no format', () => {
  it('are kept with their raw text, in order, in every format', () => {
    const lines = ['first garbage line', '%%% not a log %%%', 'last'];
    for (const format of FORMATS) {
      const events = assemble(format, lines);
      expect(
        events.map((event) => event.text),
        format,
      ).toEqual(lines);
      expect(
        events.map((event) => event.lineNumber),
        format,
      ).toEqual([1, 2, 3]);
    }
  });

  it('stand between access log lines as their own events', () => {
    const good = '10.0.0.1 - - [01/Feb/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/8"';
    const events = assemble('nginx-combined', [good, 'broken line', good]);
    expect(events.map((event) => event.level)).toEqual(['info', 'unknown', 'info']);
    expect(events[1].message).toBe('broken line');
  });
});

describe('pathological input', () => {
  const huge = 50 * 1024 * 1024;

  it('keeps a single 50 MB line as one event with a capped message', () => {
    for (const body of ['a', '"', '{', ' ']) {
      const line = '2024-01-01T00:00:00Z ' + body.repeat(huge);
      for (const format of ['nginx-combined', 'json', 'plain', 'postgres']) {
        const events = assemble(format, [line, '2024-01-01T00:00:01Z next']);
        expect(events[0].text.length, format).toBe(line.length);
        expect(events[0].message.length, format).toBeLessThanOrEqual(16 * 1024);
        expect(events[0].time, format).toBe(Date.UTC(2024, 0, 1));
        expect(events[events.length - 1].text, format).toBe('2024-01-01T00:00:01Z next');
      }
    }
  });

  it('does not backtrack on long lines that almost match', () => {
    const almostAccess = '1.2.3.4 - - [01/Feb/2024:10:00:00 +0000] "' + 'GET \\"'.repeat(9000);
    const almostPostgres = '2024-01-01 00:00:00 CET ' + 'LOG: '.repeat(12000);
    const almostLambda = 'REPORT ' + 'Ab Cd Ef '.repeat(400);
    const started = Date.now();
    expect(assemble('nginx-combined', [almostAccess])[0].level).toBe('unknown');
    expect(assemble('postgres', [almostPostgres])[0].fields.severity).toBeUndefined();
    expect(assemble('lambda', [almostLambda])[0].fields.event).toBe('REPORT');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('starts a new event after MAX_EVENT_LINES joined lines, losing none', () => {
    const lines = ['2024-01-01 00:00:00 ERROR boom'];
    for (let i = 0; i < 2500; i += 1) lines.push(`    at frame${i} (file.js:1:1)`);
    const events = assemble('plain', lines);
    expect(events.every((event) => event.lineCount <= MAX_EVENT_LINES)).toBe(true);
    expect(events.reduce((sum, event) => sum + event.lineCount, 0)).toBe(2501);
    expect(events[0].lineCount).toBe(MAX_EVENT_LINES);
  });

  it('gives up on a JSON object that never closes and keeps its lines', () => {
    const lines = ['{"level":"info","stack":['];
    for (let i = 0; i < 1500; i += 1) lines.push(`"frame ${i}",`);
    const events = assemble('json', lines);
    expect(events.reduce((sum, event) => sum + event.lineCount, 0)).toBe(1501);
    expect(events[0].lineCount).toBe(MAX_EVENT_LINES);
    expect(events[0].level).toBe('unknown');
  });

  it('survives invalid UTF-8 and malformed percent escapes', () => {
    const bytes = new Uint8Array([0x32, 0x30, 0x32, 0x34, 0xff, 0xfe, 0x20, 0xc3, 0x28]);
    const garbled = new TextDecoder().decode(bytes);
    for (const format of FORMATS) {
      expect(assemble(format, [garbled])[0].text, format).toBe(garbled);
    }
    const access =
      '10.0.0.1 - - [01/Feb/2024:10:00:00 +0000] "GET /%ED%A0%80%E0%A4%A HTTP/1.1" 404 0 "-" "-"';
    const [event] = assemble('nginx-combined', [access]);
    expect(event.fields.path).toBe('/%ED%A0%80%E0%A4%A');
    expect(event.text).toBe(access);
  });
});

describe('line clean-up', () => {
  it('removes colour codes, carriage returns and a byte order mark', () => {
    const events = assemble('plain', [
      '\uFEFF2024-01-01 00:00:00 \u001b[31mERROR\u001b[0m red alert\r',
      '2024-01-01 00:00:01 INFO fine\r',
    ]);
    expect(events[0]).toMatchObject({
      text: '2024-01-01 00:00:00 ERROR red alert',
      level: 'error',
      message: 'red alert',
    });
    expect(events[1].text).toBe('2024-01-01 00:00:01 INFO fine');
  });

  it('drops blank lines that belong to no event', () => {
    const good = '10.0.0.1 - - [01/Feb/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/8"';
    expect(assemble('nginx-combined', [good, '', '   ', good]).map((e) => e.lineNumber)).toEqual([
      1, 4,
    ]);
  });
});
