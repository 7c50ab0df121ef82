import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, rawCutNote } from './numberFormat';

describe('numbers for people', () => {
  it('separates thousands in counts', () => {
    expect(formatCount(1204311)).toBe('1,204,311');
  });

  it('gives sizes in the largest fitting unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(113 * 1024 * 1024)).toBe('113 MB');
  });

  it('drops a decimal that says nothing', () => {
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(2.04 * 1024)).toBe('2 KB');
  });

  it('says how much of a cut raw text is shown', () => {
    expect(rawCutNote(1 << 20, 50 * 1024 * 1024)).toBe('Showing the first 1 MB of 50 MB');
    expect(rawCutNote(1 << 20, 1.5 * 1024 * 1024)).toBe('Showing the first 1 MB of 1.5 MB');
  });
});

describe('query durations', () => {
  it('keeps a decimal only where it matters', () => {
    expect(formatDuration(0.42)).toBe('0.4 ms');
    expect(formatDuration(22.615673000000243)).toBe('23 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
  });
});
