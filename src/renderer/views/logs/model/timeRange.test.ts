import { describe, expect, it } from 'vitest';
import { ALL_TIME, bucketsRange, customRange, isLimited, presetRange } from './timeRange';

const NEWEST = Date.UTC(2026, 2, 30, 14, 0, 0);

describe('relative presets', () => {
  it('ends at the whole minute after the newest event, so that event is included', () => {
    const newest = Date.UTC(2026, 2, 30, 13, 59, 59, 871);
    const range = presetRange('15m', newest);
    expect(range.to).toBe(Date.UTC(2026, 2, 30, 14, 0));
    expect(range.from).toBe(Date.UTC(2026, 2, 30, 13, 45));
    expect(range).toMatchObject({ origin: 'preset', preset: '15m' });
  });

  it('still includes a newest event that falls on a whole minute', () => {
    expect(presetRange('1h', NEWEST).to).toBe(NEWEST + 60_000);
  });

  it('spans the named length', () => {
    for (const [preset, hours] of [
      ['1h', 1],
      ['24h', 24],
      ['7d', 168],
    ] as const) {
      const range = presetRange(preset, NEWEST);
      expect((range.to ?? 0) - (range.from ?? 0)).toBe(hours * 3_600_000);
    }
  });
});

describe('custom ranges', () => {
  it('keeps one side open when only the other is given', () => {
    expect(customRange(NEWEST, undefined)).toEqual({
      origin: 'custom',
      from: NEWEST,
      to: undefined,
    });
  });

  it('puts bounds entered the wrong way round in order', () => {
    expect(customRange(NEWEST, NEWEST - 5000)).toEqual({
      origin: 'custom',
      from: NEWEST - 5000,
      to: NEWEST,
    });
  });

  it('is no limit at all when both sides are empty', () => {
    expect(customRange(undefined, undefined)).toBe(ALL_TIME);
    expect(isLimited(ALL_TIME)).toBe(false);
  });
});

describe('ranges from histogram buckets', () => {
  it('runs from the first bucket start to the last bucket end', () => {
    const buckets = [
      { start: 3000, end: 4000 },
      { start: 1000, end: 2000 },
      { start: 2000, end: 3000 },
    ];
    expect(bucketsRange(buckets)).toEqual({ origin: 'histogram', from: 1000, to: 4000 });
    expect(isLimited(bucketsRange(buckets))).toBe(true);
  });

  it('is no limit when no bucket was picked', () => {
    expect(bucketsRange([])).toBe(ALL_TIME);
  });
});
