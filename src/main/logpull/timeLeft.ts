/** The estimate stays hidden until the pull has run this long: early pages come in a burst. */
export const MIN_ELAPSED_MS = 1000;
/** The rate of progress is measured over the last this many milliseconds. */
const WINDOW_MS = 3000;
/** Weight of a new estimate against the previous one, counted down by the time passed. */
const SMOOTHING = 0.3;

/**
 * Estimates the seconds a pull has left from the fraction of its time range
 * done: the rate is the fraction done over the last few seconds (the token
 * bucket's first burst would make the average since the start too quick),
 * and estimates are smoothed so the figure does not jump page by page.
 */
export class TimeLeftEstimate {
  private readonly samples: { at: number; fraction: number }[] = [];
  private last?: { at: number; secondsLeft: number };

  constructor(private readonly startedAt: number) {}

  /** Records the fraction done at `at`; the estimate, or undefined while too early to tell. */
  update(at: number, fractionDone: number): number | undefined {
    this.samples.push({ at, fraction: fractionDone });
    // The oldest sample kept is the last one at least a window old.
    while (this.samples.length > 2 && this.samples[1].at <= at - WINDOW_MS) this.samples.shift();
    if (at - this.startedAt < MIN_ELAPSED_MS || fractionDone <= 0 || fractionDone >= 1) {
      return undefined;
    }
    const first = this.samples[0];
    const rate = (fractionDone - first.fraction) / Math.max(1, at - first.at);
    if (rate <= 0) return this.last ? this.countDown(at) : undefined;
    const estimate = (1 - fractionDone) / rate / 1000;
    const previous = this.last ? this.countDown(at) : estimate;
    const secondsLeft = previous + SMOOTHING * (estimate - previous);
    this.last = { at, secondsLeft };
    return secondsLeft;
  }

  private countDown(at: number): number {
    const last = this.last!;
    return Math.max(0, last.secondsLeft - (at - last.at) / 1000);
  }
}
