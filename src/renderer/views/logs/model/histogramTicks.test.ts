import { describe, expect, it } from 'vitest';
import { histogramTicks } from './histogramTicks';
import { formatBucketTick } from './timeFormat';

const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;

function hourlyStarts(from: number, hours: number): number[] {
  return Array.from({ length: hours }, (_, index) => from + index * HOUR);
}

describe('time axis ticks', () => {
  it('labels every hour when few hours are shown', () => {
    const starts = hourlyStarts(Date.UTC(2026, 0, 10, 8), 6);
    expect(histogramTicks(starts, 'hour', BERLIN)).toEqual(starts);
  });

  it('thins to round local hours and always keeps local midnight over several days', () => {
    // Three days of hourly buckets across the spring DST change in Berlin.
    const starts = hourlyStarts(Date.UTC(2026, 2, 27, 23), 71);
    const ticks = histogramTicks(starts, 'hour', BERLIN, 12);
    const labels = ticks.map((tick) => formatBucketTick(tick, 'hour', BERLIN));

    expect(ticks.length).toBeLessThanOrEqual(12);
    expect(labels).toContain('28 Mar');
    expect(labels).toContain('29 Mar');
    expect(labels).toContain('30 Mar');
    expect(labels.every((label) => /^(\d\d:00|\d+ Mar)$/.test(label))).toBe(true);
  });

  it('puts 15-minute buckets on whole hours when there are many', () => {
    const starts = Array.from(
      { length: 16 },
      (_, index) => Date.UTC(2026, 0, 10, 8) + index * 900_000,
    );
    const ticks = histogramTicks(starts, '15m', BERLIN, 6);
    expect(ticks.map((tick) => formatBucketTick(tick, '15m', BERLIN))).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
    ]);
  });

  it('steps day buckets by several days when a month is shown', () => {
    const starts = Array.from({ length: 31 }, (_, day) => Date.UTC(2026, 0, day + 1) - HOUR);
    const ticks = histogramTicks(starts, 'day', BERLIN, 10);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(formatBucketTick(ticks[0], 'day', BERLIN)).toBe('Thu 1 Jan');
  });

  it('labels month starts, never two days a few apart, when a year of days is shown', () => {
    const starts = Array.from({ length: 400 }, (_, day) => Date.UTC(2025, 0, day + 1) - HOUR);
    const labels = histogramTicks(starts, 'day', BERLIN, 12).map((tick) =>
      formatBucketTick(tick, 'day', BERLIN),
    );
    expect(labels).toEqual([
      'Wed 1 Jan',
      'Sat 1 Mar',
      'Thu 1 May',
      'Tue 1 Jul',
      'Mon 1 Sep',
      'Sat 1 Nov',
      'Thu 1 Jan',
    ]);
  });
});
