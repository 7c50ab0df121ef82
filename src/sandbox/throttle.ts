/** The AWS operation name a throttle applies to, or `*` for every operation. */
export type ThrottledOperation = string;

interface Bucket {
  ratePerSecond: number;
  tokens: number;
  refilledAt: number;
}

/** A bucket holds one second of requests (at least one); a rate of 0 refuses everything. */
function capacityOf(ratePerSecond: number): number {
  return ratePerSecond > 0 ? Math.max(1, ratePerSecond) : 0;
}

/**
 * Per-operation rate limits, as AWS applies them: a token bucket holding one
 * second's worth of requests, refilled continuously.
 */
export class Throttle {
  private readonly buckets = new Map<ThrottledOperation, Bucket>();

  /** Limits `operation` to `ratePerSecond` requests; `null` lifts the limit. */
  set(operation: ThrottledOperation, ratePerSecond: number | null, now: number): void {
    if (ratePerSecond === null) {
      this.buckets.delete(operation);
      return;
    }
    this.buckets.set(operation, {
      ratePerSecond,
      tokens: capacityOf(ratePerSecond),
      refilledAt: now,
    });
  }

  /** Takes a token for one request; false means the request must be throttled. */
  admit(operation: string, now: number): boolean {
    const bucket = this.buckets.get(operation) ?? this.buckets.get('*');
    if (!bucket) return true;

    const capacity = capacityOf(bucket.ratePerSecond);
    const refill = ((now - bucket.refilledAt) / 1000) * bucket.ratePerSecond;
    bucket.tokens = Math.min(capacity, bucket.tokens + refill);
    bucket.refilledAt = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Lifts every limit. */
  clear(): void {
    this.buckets.clear();
  }
}
