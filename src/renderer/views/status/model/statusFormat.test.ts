import { describe, expect, it } from 'vitest';
import { byteSize, stateWord, timeAgo } from './statusFormat';

const NOW = Date.parse('2026-12-03T12:00:00Z');

describe('how long ago', () => {
  it('counts seconds, then minutes, hours and days', () => {
    expect(timeAgo(NOW - 12_400, NOW)).toBe('12 s ago');
    expect(timeAgo(new Date(NOW - 5 * 60_000 - 10_000).toISOString(), NOW)).toBe('5 min ago');
    expect(timeAgo(NOW - 3 * 3_600_000, NOW)).toBe('3 h ago');
    expect(timeAgo(NOW - 50 * 3_600_000, NOW)).toBe('2 d ago');
  });

  it('never says a time in the future is ago by a negative amount', () => {
    expect(timeAgo(NOW + 2_000, NOW)).toBe('0 s ago');
  });
});

describe('sizes and states', () => {
  it('writes bytes in decimal units', () => {
    expect(byteSize(52_431_000)).toBe('52.4 MB');
    expect(byteSize(900)).toBe('900 B');
    expect(byteSize(null)).toBe('—');
  });

  it('writes AWS state words in lower case with spaces', () => {
    expect(stateWord('IN_PROGRESS')).toBe('in progress');
    expect(stateWord(null)).toBe('unknown');
  });
});
