import { describe, expect, it } from 'vitest';
import {
  formatBucketSpan,
  formatBucketTick,
  formatEventTime,
  fromDateTimeLocal,
  tickStyle,
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

  it('adds the year when the chart spans more than one calendar year', () => {
    const newYear2017 = Date.UTC(2016, 11, 31, 23);
    expect(formatBucketTick(newYear2017, 'day', BERLIN, { withYear: true, monthly: true })).toBe(
      'Jan 2017',
    );
    expect(formatBucketTick(newYear2017, 'day', BERLIN, { withYear: true, monthly: false })).toBe(
      '1 Jan 2017',
    );
    expect(formatBucketTick(newYear2017, 'hour', BERLIN, { withYear: true, monthly: false })).toBe(
      '1 Jan 2017',
    );
    expect(formatBucketTick(newYear2017, 'day', BERLIN, { withYear: false, monthly: true })).toBe(
      '1 Jan',
    );
  });

  it('asks for the year only across years, and for months only when every tick is a 1st', () => {
    const days = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => from + index * 86_400_000);
    const across = days(Date.UTC(2016, 0, 1, 12), 3000);
    const firsts = across.filter((ms) => new Date(ms).getUTCDate() === 1);
    expect(tickStyle(across, firsts, 'day', BERLIN)).toEqual({ withYear: true, monthly: true });

    const march = days(Date.UTC(2026, 2, 1, 12), 31);
    expect(tickStyle(march, [march[0], march[7]], 'day', BERLIN)).toEqual({
      withYear: false,
      monthly: false,
    });

    // The last bucket of 2025 in UTC is already 2026 in Berlin: one calendar year there.
    const newYear = [Date.UTC(2025, 11, 31, 23), Date.UTC(2026, 0, 1, 0)];
    expect(tickStyle(newYear, newYear, 'hour', BERLIN).withYear).toBe(false);
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

  it('names the UTC offset of hours that happen twice when clocks go back', () => {
    // Berlin, 30 Oct 2016: 02:00 CEST (UTC+2), then 02:00 again in CET (UTC+1).
    const first = Date.UTC(2016, 9, 30, 0);
    const second = Date.UTC(2016, 9, 30, 1);
    expect(formatBucketSpan(first, second, 'hour', BERLIN)).toBe(
      'Sun 30 Oct 2016, 02:00–03:00 (UTC+2)',
    );
    expect(formatBucketSpan(second, second + 3_600_000, 'hour', BERLIN)).toBe(
      'Sun 30 Oct 2016, 02:00–03:00 (UTC+1)',
    );
    expect(formatBucketSpan(second + 2_700_000, second + 3_600_000, '15m', BERLIN)).toBe(
      'Sun 30 Oct 2016, 02:45–03:00 (UTC+1)',
    );
  });

  it('leaves the offset out far from a clock change, and writes half hours', () => {
    const noon = Date.UTC(2016, 9, 20, 10);
    expect(formatBucketSpan(noon, noon + 3_600_000, 'hour', BERLIN)).toBe(
      'Thu 20 Oct 2016, 12:00–13:00',
    );
    // Adelaide moves from UTC+10:30 to UTC+9:30 on 5 Apr 2026 at 03:00 local.
    const adelaide = Date.UTC(2026, 3, 4, 16);
    expect(formatBucketSpan(adelaide, adelaide + 3_600_000, 'hour', 'Australia/Adelaide')).toBe(
      'Sun 5 Apr 2026, 02:30–03:30 (UTC+10:30)',
    );
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
