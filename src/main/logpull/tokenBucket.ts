import { OpsdeskError } from '../../shared/result';
import { sleepUnlessAborted } from '../aws/awsCall';

/** What a token bucket needs of time; tests pass a fake clock. */
export interface BucketClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: BucketClock = { now: () => performance.now(), sleep: sleepUnlessAborted };

/**
 * A client-side rate limit shared by every slice of a pull: requests per
 * second, with a burst of one second's worth, as AWS meters its quotas.
 *
 * Staying under the quota is cheaper than meeting throttling: a throttled
 * request costs a round trip and a backoff wait.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private queue: Promise<void> = Promise.resolve();
  private readonly capacity: number;

  constructor(
    readonly ratePerSecond: number,
    private readonly clock: BucketClock = realClock,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('A rate quota must be above zero.');
    this.capacity = Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.refilledAt = clock.now();
  }

  /** Resolves when one request may be sent; callers are served in order. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken(signal));
    // A cancelled waiter must not block the ones behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Takes back tokens after AWS throttled anyway, e.g. because others share the quota. */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw new OpsdeskError('cancelled', 'The pull was cancelled.');
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = ((1 - this.tokens) / this.ratePerSecond) * 1000;
      await this.clock.sleep(Math.ceil(waitMs), signal).catch(() => {
        throw new OpsdeskError('cancelled', 'The pull was cancelled.');
      });
    }
  }

  private refill(): void {
    const now = this.clock.now();
    const earned = ((now - this.refilledAt) / 1000) * this.ratePerSecond;
    this.tokens = Math.min(this.capacity, this.tokens + earned);
    this.refilledAt = now;
  }
}
