import { describe, expect, it } from 'vitest';
import { TokenBucket, type BucketClock } from '../../src/main/logpull/tokenBucket';

/** A clock that moves only when someone sleeps on it. */
function fakeClock(): BucketClock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

describe('the shared rate quota', () => {
  it('lets one second of requests through at once, then one per 1/rate s', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(5, clock);
    const times: number[] = [];
    for (let request = 0; request < 10; request += 1) {
      await bucket.take();
      times.push(clock.now());
    }
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(times.slice(5)).toEqual([200, 400, 600, 800, 1000]);
  });

  it('serves waiting slices in the order they asked', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(1, clock);
    const order: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((slice) => bucket.take().then(() => order.push(slice))));
    expect(order).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(2000);
  });

  it('holds back after AWS throttled anyway', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(4, clock);
    bucket.drain();
    await bucket.take();
    expect(clock.now()).toBe(250);
  });

  it('stops waiting when the pull is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new TokenBucket(1).take(controller.signal)).rejects.toThrow('cancelled');
  });
});
