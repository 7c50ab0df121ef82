import { describe, expect, it } from 'vitest';
import { mergeRanges, splitRange, subtractRanges } from '../../src/main/logpull/timeRanges';

const MINUTE = 60_000;

describe('splitting a range into slices pulled at once', () => {
  it('cuts equal slices that touch without overlapping', () => {
    expect(splitRange({ from: 0, to: 60 * MINUTE }, 3)).toEqual([
      { from: 0, to: 20 * MINUTE },
      { from: 20 * MINUTE, to: 40 * MINUTE },
      { from: 40 * MINUTE, to: 60 * MINUTE },
    ]);
  });

  it('does not cut slices shorter than a minute', () => {
    expect(splitRange({ from: 0, to: 90_000 }, 6)).toEqual([{ from: 0, to: 90_000 }]);
  });

  it('gives nothing for an empty range', () => {
    expect(splitRange({ from: 5, to: 5 }, 4)).toEqual([]);
  });
});

describe('what is left to pull', () => {
  it('leaves out ranges pulled before', () => {
    const covered = [
      { from: 10, to: 20 },
      { from: 30, to: 40 },
    ];
    expect(subtractRanges({ from: 0, to: 50 }, covered)).toEqual([
      { from: 0, to: 10 },
      { from: 20, to: 30 },
      { from: 40, to: 50 },
    ]);
  });

  it('leaves nothing when the range was pulled whole', () => {
    expect(subtractRanges({ from: 12, to: 18 }, [{ from: 10, to: 20 }])).toEqual([]);
  });

  it('joins touching and overlapping ranges', () => {
    expect(
      mergeRanges([
        { from: 20, to: 30 },
        { from: 0, to: 10 },
        { from: 10, to: 15 },
        { from: 25, to: 40 },
      ]),
    ).toEqual([
      { from: 0, to: 15 },
      { from: 20, to: 40 },
    ]);
  });
});
