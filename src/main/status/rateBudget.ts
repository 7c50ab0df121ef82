import type { CallOptions } from '../aws';

/** How many describe calls status may make, and how it slows down when AWS throttles. */
export interface RateBudgetOptions {
  /** Calls per second in normal times. */
  ratePerSecond: number;
  /** Calls that may go at once after a quiet spell. */
  burst: number;
  /** The slowest rate backing off may reach. */
  minRatePerSecond: number;
  /** How long a slowed rate lasts after the last throttling before it recovers. */
  recoveryMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Five calls a second, ten at once; halved on each throttling down to one every two seconds. */
export const DEFAULT_RATE_BUDGET: RateBudgetOptions = {
  ratePerSecond: 5,
  burst: 10,
  minRatePerSecond: 0.5,
  recoveryMs: 60_000,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A token bucket shared by every describe call of the status service.
 *
 * A refresh makes a dozen calls; without a shared budget several windows or
 * a fast poll would send bursts that AWS answers with throttling, which then
 * slows every other Opsdesk user of the account too.
 */
export interface RateBudget {
  /** Waits for a token, then runs the call with options that report throttling here. */
  run<T>(call: (options: CallOptions) => Promise<T>): Promise<T>;
  /** Halves the rate for a while: AWS said we are asking too often. */
  backOff(): void;
  /** The time of the last throttling, if the rate is still slowed by it. */
  throttledAt(): number | null;
  /** The current rate, for tests and the log. */
  currentRate(): number;
}

/** Creates a rate budget; tests pass a clock and a sleep they control. */
export function createRateBudget(overrides: Partial<RateBudgetOptions> = {}): RateBudget {
  const options = { ...DEFAULT_RATE_BUDGET, ...overrides };
  let tokens = options.burst;
  let refilledAt = options.now();
  let rate = options.ratePerSecond;
  let lastThrottledAt: number | null = null;
  // Callers queue so that tokens go out in arrival order.
  let queue: Promise<void> = Promise.resolve();

  const recover = (now: number) => {
    if (lastThrottledAt !== null && now - lastThrottledAt >= options.recoveryMs) {
      rate = options.ratePerSecond;
      lastThrottledAt = null;
    }
  };

  const refill = (now: number) => {
    recover(now);
    tokens = Math.min(options.burst, tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
  };

  const takeToken = async () => {
    refill(options.now());
    while (tokens < 1) {
      await options.sleep(Math.ceil(((1 - tokens) / rate) * 1000));
      refill(options.now());
    }
    tokens -= 1;
  };

  const budget: RateBudget = {
    async run(call) {
      const turn = queue.then(takeToken);
      queue = turn.catch(() => undefined);
      await turn;
      return call({ onThrottled: () => budget.backOff() });
    },

    backOff() {
      const now = options.now();
      refill(now);
      rate = Math.max(options.minRatePerSecond, rate / 2);
      // Spend what is left: the calls already queued should feel the slower rate at once.
      tokens = Math.min(tokens, 0);
      lastThrottledAt = now;
    },

    throttledAt() {
      recover(options.now());
      return lastThrottledAt;
    },

    currentRate() {
      recover(options.now());
      return rate;
    },
  };
  return budget;
}
