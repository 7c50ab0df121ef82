import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixtureLog';

describe('Lambda JSON-format platform.report records (platform-report-records.jsonl)', () => {
  const { format, events } = parseFixture('lambda-json/platform-report-records.jsonl');

  it('is read as JSON lines, each a REPORT event', () => {
    expect(format).toBe('json');
    expect(events.map((event) => event.fields.event)).toEqual([
      'REPORT',
      'REPORT',
      'REPORT',
      'REPORT',
    ]);
  });

  it('maps the record to the names of the text REPORT line', () => {
    expect(events[1].fields).toMatchObject({
      request_id: '4d789d71-2f2c-4c66-a4b5-531a0223233d',
      status: 'success',
      duration_ms: 0.81,
      billed_duration_ms: 100,
      memory_size_mb: 128,
      max_memory_used_mb: 90,
      init_duration_ms: 1234,
    });
    expect(events[1].time).toBe(Date.UTC(2024, 9, 4, 0, 36, 35, 800));
  });

  it('leaves metrics the record lacks absent, never 0', () => {
    expect(events[0].fields).not.toHaveProperty('init_duration_ms');
    const managed = events[3].fields;
    expect(managed.duration_ms).toBe(2.524);
    for (const missing of [
      'billed_duration_ms',
      'memory_size_mb',
      'max_memory_used_mb',
      'init_duration_ms',
    ]) {
      expect(managed).not.toHaveProperty(missing);
    }
    expect(JSON.parse(String(managed.spans))).toHaveLength(2);
  });

  it('marks a timed-out invocation as an error', () => {
    expect(events[2].fields).toMatchObject({
      status: 'timeout',
      duration_ms: 30000,
      init_duration_ms: 985.413,
    });
    expect(events.map((event) => event.level)).toEqual(['info', 'info', 'error', 'info']);
  });
});
