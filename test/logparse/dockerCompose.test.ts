import { describe, expect, it } from 'vitest';
import { countBy, parseFixture } from './fixtureLog';

describe('docker compose logs -t with colour codes (docker-compose-ansi-ts.log)', () => {
  const { format, events } = parseFixture('ecs-plain/docker-compose-ansi-ts.log');

  it('is detected as docker compose output with one event per line', () => {
    expect(format).toBe('docker-compose');
    expect(events).toHaveLength(22);
    expect(countBy(events, (event) => event.fields.service)).toEqual({
      'web-1': 10,
      'redis-1': 12,
    });
  });

  it('truncates nanosecond timestamps to milliseconds', () => {
    expect(events[0].time).toBe(Date.UTC(2024, 3, 25, 5, 32, 35, 584));
    expect(events[21].time).toBe(Date.UTC(2024, 3, 25, 5, 54, 43, 948));
  });

  it('removes terminal codes from text and message', () => {
    expect(events.some((event) => event.text.includes('\u001b'))).toBe(false);
    const warning = events[2];
    expect(warning.text).toContain('WARNING: This is a development server');
    expect(warning.message.startsWith('WARNING: This is a development server.')).toBe(true);
    expect(warning.message.endsWith('Use a production WSGI server instead.')).toBe(true);
    expect(warning.level).toBe('warn');
  });

  it('keeps the container line as message', () => {
    expect(events[0].message).toBe("* Serving Flask app 'app.py'");
    expect(events[0].text).toBe(
      "web-1  | 2024-04-25T05:32:35.584725130Z  * Serving Flask app 'app.py'",
    );
  });

  it('reads the level marks of Redis lines', () => {
    expect(events[10].message).toContain('Redis is starting');
    expect(events[10].level).toBe('info');
    expect(events[12].level).toBe('warn');
    expect(events[12].fields.pid).toBe(1);
  });
});
