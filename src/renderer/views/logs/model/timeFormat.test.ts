import { describe, expect, it } from 'vitest';
import {
  formatBucketSpan,
  formatBucketTick,
  formatEventTime,
  fromDateTimeLocal,
  toDateTimeLocal,
} from './timeFormat';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describe('event times', () => {
  it('shows local date and time with milliseconds', () => {
    expect(formatEventTime(Date.UTC(2026, 0, 15, 9, 5, 7, 42), BERLIN)).toBe(
      '2026-01-15 10:05:07.042',
    );
    expect(formatEventTime(Date.UTC(2026, 6, 15, 9, 5, 7, 42), BERLIN)).toBe(
      '2026-07-15 11:05:07.042',
    );
    expect(formatEventTime(Date.UTC(2026, 0, 15, 3, 0, 0, 0), NEW_YORK)).toBe(
      '2026-01-14 22:00:00.000',
    );
  });

  it('says so when an event has no time', () => {
    expect(formatEventTime(null, BERLIN)).toBe('no time');
  });
});

describe('histogram labels', () => {
  it('labels ticks within a day by clock time and local midnight by date', () => {
    expect(formatBucketTick(Date.UTC(2026, 2, 28, 13, 0), 'hour', BERLIN)).toBe('14:00');
    expect(formatBucketTick(Date.UTC(2026, 2, 28, 23, 0), 'hour', BERLIN)).toBe('29 Mar');
    expect(formatBucketTick(Date.UTC(2026, 2, 28, 23, 0), '15m', BERLIN)).toBe('29 Mar');
  });

  it('labels day buckets by weekday and date', () => {
    expect(formatBucketTick(Date.UTC(2026, 2, 28, 23, 0), 'day', BERLIN)).toBe('Sun 29 Mar');
  });

  it('spells out a bucket span for the tooltip', () => {
    const start = Date.UTC(2026, 2, 29, 12, 45);
    expect(formatBucketSpan(start, start + 900_000, '15m', BERLIN)).toBe(
      'Sun 29 Mar 2026, 14:45–15:00',
    );
    expect(
      formatBucketSpan(Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 29, 22), 'day', BERLIN),
    ).toBe('Sun 29 Mar 2026');
  });
});

describe('datetime-local inputs', () => {
  it('writes a time as local wall-clock minutes', () => {
    expect(toDateTimeLocal(Date.UTC(2026, 2, 29, 12, 45, 30), BERLIN)).toBe('2026-03-29T14:45');
  });

  it('reads local wall-clock time in the given zone, on either side of a DST change', () => {
    expect(fromDateTimeLocal('2026-03-28T12:00', BERLIN)).toBe(Date.UTC(2026, 2, 28, 11, 0));
    expect(fromDateTimeLocal('2026-03-29T12:00', BERLIN)).toBe(Date.UTC(2026, 2, 29, 10, 0));
    expect(fromDateTimeLocal('2026-03-29T12:00:30', BERLIN)).toBe(Date.UTC(2026, 2, 29, 10, 0, 30));
  });

  it('round-trips what it writes', () => {
    const time = Date.UTC(2026, 9, 24, 8, 17);
    expect(fromDateTimeLocal(toDateTimeLocal(time, NEW_YORK), NEW_YORK)).toBe(time);
  });

  it('reads an empty or partial input as no bound', () => {
    expect(fromDateTimeLocal('', BERLIN)).toBeUndefined();
    expect(fromDateTimeLocal('2026-03-29', BERLIN)).toBeUndefined();
  });
});
