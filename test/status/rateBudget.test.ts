import { describe, expect, it } from 'vitest';
import { createRateBudget } from '../../src/main/status';

/** A clock that moves only when the budget sleeps, recording each sleep. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    sleeps,
  };
}

const call = () => Promise.resolve('answer');

describe('the shared rate budget for describe calls', () => {
  it('lets a burst through at once, then spaces calls at the rate', async () => {
    const time = fakeTime();
    const budget = createRateBudget({ ratePerSecond: 5, burst: 3, ...time });

    await Promise.all(Array.from({ length: 5 }, () => budget.run(call)));

    expect(time.sleeps).toEqual([200, 200]);
    expect(time.now()).toBe(400);
  });

  it('refills while idle, never beyond the burst', async () => {
    const time = fakeTime();
    const budget = createRateBudget({ ratePerSecond: 5, burst: 2, ...time });
    await Promise.all([budget.run(call), budget.run(call)]);

    time.advance(60_000);
    await Promise.all([budget.run(call), budget.run(call), budget.run(call)]);

    expect(time.sleeps).toEqual([200]);
  });

  it('halves the rate each time AWS throttles, down to the floor, and recovers later', async () => {
    const time = fakeTime();
    const budget = createRateBudget({
      ratePerSecond: 4,
      burst: 1,
      minRatePerSecond: 1,
      recoveryMs: 30_000,
      ...time,
    });

    await budget.run(async (options) => options.onThrottled?.('slow down'));
    expect(budget.currentRate()).toBe(2);
    expect(budget.throttledAt()).toBe(0);
    budget.backOff();
    budget.backOff();
    expect(budget.currentRate()).toBe(1);

    await budget.run(call);
    expect(time.sleeps).toEqual([1000]);

    time.advance(30_000);
    expect(budget.currentRate()).toBe(4);
    expect(budget.throttledAt()).toBeNull();
  });

  it('passes the answer through and lets a failure reach the caller', async () => {
    const budget = createRateBudget({ ...fakeTime() });

    await expect(budget.run(call)).resolves.toBe('answer');
    await expect(budget.run(() => Promise.reject(new Error('denied')))).rejects.toThrow('denied');
    await expect(budget.run(call)).resolves.toBe('answer');
  });
});
