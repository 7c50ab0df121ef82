import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../src/main/logpull/progressMeter';
import { TimeLeftEstimate } from '../../src/main/logpull/timeLeft';

/** Feeds an estimate the fraction done every 250 ms; the estimates by time in ms. */
function run(fractionAt: (ms: number) => number, untilMs: number) {
  const estimate = new TimeLeftEstimate(0);
  const left = new Map<number, number | undefined>();
  for (let ms = 250; ms <= untilMs; ms += 250) left.set(ms, estimate.update(ms, fractionAt(ms)));
  return left;
}

describe('time left of a pull', () => {
  it('is hidden during the first second', () => {
    const left = run((ms) => ms / 5000, 1000);
    expect([...left.entries()].filter(([ms]) => ms < 1000).map(([, s]) => s)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('follows a steady pull to within a few percent', () => {
    const left = run((ms) => ms / 5000, 4000);
    expect(left.get(2000)).toBeCloseTo(3, 1);
    expect(left.get(4000)).toBeCloseTo(1, 1);
  });

  it('is not fooled by a quick first burst: a 5 s pull does not show 1 s left at its start', () => {
    // The token bucket's burst reads 16% at once, then the quota reads 16% a second.
    const fraction = (ms: number) => Math.min(1, 0.16 + (0.16 * ms) / 1000);
    const actualSecondsLeft = (ms: number) => (1 - fraction(ms)) / 0.16;
    const left = run(fraction, 5000);
    for (const [ms, secondsLeft] of left) {
      if (secondsLeft === undefined) continue;
      expect(secondsLeft).toBeGreaterThan(actualSecondsLeft(ms) * 0.9);
      expect(secondsLeft).toBeLessThan(actualSecondsLeft(ms) * 1.1);
    }
    expect(left.get(1000)).toBeCloseTo(4.25, 1);
  });

  it('is what the progress meter reports while running, and gone once done', () => {
    let now = 0;
    const sent: { state: string; secondsLeft?: number }[] = [];
    const meter = new ProgressMeter(
      { pullId: 'p', environment: 'sandbox', logGroups: ['/g'] },
      () => now,
      (progress) => sent.push(progress),
    );
    const counts = { events: 1, bytes: 1, duplicates: 0, totalMs: 100 };
    for (now = 250; now <= 2000; now += 250) meter.update('/g', { ...counts, coveredMs: now / 50 });
    expect(sent[0].secondsLeft).toBeUndefined();
    expect(sent.at(-1)?.secondsLeft).toBeCloseTo(3, 0);
    expect(meter.emit('done').secondsLeft).toBeUndefined();
  });
});
