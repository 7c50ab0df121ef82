import type { PullProgress } from '../../shared/ipc/channels/logpull';
import type { GroupPullCounts } from './groupPull';
import { TimeLeftEstimate } from './timeLeft';

/** Progress is sent at most this often while a pull runs (and always at its end). */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Adds up the counts of a pull's groups and turns them into what the user
 * reads: events, bytes, rate and time left.
 */
export class ProgressMeter {
  private readonly groups = new Map<string, GroupPullCounts>();
  private readonly startedAt: number;
  private sentAt = -Infinity;
  private readonly timeLeft: TimeLeftEstimate;
  notice?: string;

  constructor(
    private readonly base: Pick<PullProgress, 'pullId' | 'environment' | 'logGroups'>,
    private readonly now: () => number,
    private readonly send: (progress: PullProgress) => void,
  ) {
    this.startedAt = now();
    this.timeLeft = new TimeLeftEstimate(this.startedAt);
  }

  /** Records one group's counts and sends progress unless some was sent just now. */
  update(logGroup: string, counts: GroupPullCounts): void {
    this.groups.set(logGroup, counts);
    if (this.now() - this.sentAt >= PROGRESS_INTERVAL_MS) this.emit('running');
  }

  /** Sends progress now, e.g. the final state. */
  emit(state: PullProgress['state'], message?: string): PullProgress {
    const progress = this.snapshot(state, message);
    this.sentAt = this.now();
    this.send(progress);
    return progress;
  }

  /** The figures as they stand. */
  snapshot(state: PullProgress['state'], message?: string): PullProgress {
    const totals = { events: 0, bytes: 0, duplicates: 0, coveredMs: 0, totalMs: 0 };
    for (const counts of this.groups.values()) {
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
    }
    const elapsedMs = Math.max(1, this.now() - this.startedAt);
    const fractionDone =
      state === 'done'
        ? 1
        : totals.totalMs > 0
          ? Math.min(1, totals.coveredMs / totals.totalMs)
          : 0;
    const progress: PullProgress = {
      ...this.base,
      state,
      events: totals.events,
      bytes: totals.bytes,
      duplicates: totals.duplicates,
      eventsPerSecond: (totals.events * 1000) / elapsedMs,
      bytesPerSecond: (totals.bytes * 1000) / elapsedMs,
      fractionDone,
      elapsedMs,
    };
    if (state === 'running') {
      const secondsLeft = this.timeLeft.update(this.now(), fractionDone);
      if (secondsLeft !== undefined) progress.secondsLeft = secondsLeft;
    }
    if (this.notice && state === 'running') progress.notice = this.notice;
    if (message) progress.message = message;
    return progress;
  }
}
