import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../shared/result';
import { deferred, settle } from '../../../testing/fakeApi';
import { PageCache, type RowsPage } from './pageCache';

const PAGE = 10;
const TOTAL = 1_000;

/** Rows are their own index, so a test can see which page landed where. */
function pageAt(offset: number, limit: number): RowsPage<number> {
  const rows = Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => offset + i);
  return { total: TOTAL, rows };
}

function cacheWith(
  fetchPage: (offset: number, limit: number) => Promise<Result<RowsPage<number>>>,
  options: { maxPages?: number; maxInFlight?: number } = {},
) {
  const onPage = vi.fn();
  const onFailure = vi.fn();
  const fetchSpy = vi.fn(fetchPage);
  const cache = new PageCache<number>(
    { fetchPage: fetchSpy, pageSize: PAGE, onPage, onFailure, ...options },
    pageAt(0, PAGE),
  );
  return { cache, fetchSpy, onPage, onFailure };
}

const answerPage = (offset: number, limit: number) =>
  Promise.resolve({ ok: true as const, value: pageAt(offset, limit) });

describe('rows on hand', () => {
  it('serves the first page it was created with, and nothing else yet', () => {
    const { cache } = cacheWith(answerPage);
    expect(cache.rowAt(0)).toBe(0);
    expect(cache.rowAt(9)).toBe(9);
    expect(cache.rowAt(10)).toBeUndefined();
  });
});

describe('fetching only what is in view', () => {
  it('requests the pages covering the wanted rows, at their offsets', async () => {
    const { cache, fetchSpy, onPage } = cacheWith(answerPage, { maxInFlight: 4 });
    cache.want(25, 42);
    await settle();

    expect(fetchSpy.mock.calls.map(([offset]) => offset)).toEqual([20, 30, 40]);
    expect(cache.rowAt(25)).toBe(25);
    expect(cache.rowAt(42)).toBe(42);
    expect(onPage).toHaveBeenCalledWith(TOTAL);
  });

  it('does not request a page again while it is loading or loaded', async () => {
    const pending = deferred<Result<RowsPage<number>>>();
    const { cache, fetchSpy } = cacheWith(() => pending.promise);
    cache.want(50, 55);
    cache.want(51, 56);
    expect(fetchSpy).toHaveBeenCalledTimes(1);

    pending.resolve({ ok: true, value: pageAt(50, PAGE) });
    await settle();
    cache.want(50, 59);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('keeps a few requests running and skips pages scrolled past meanwhile', async () => {
    const answers: ReturnType<typeof deferred<Result<RowsPage<number>>>>[] = [];
    const { cache, fetchSpy } = cacheWith(
      () => {
        const answer = deferred<Result<RowsPage<number>>>();
        answers.push(answer);
        return answer.promise;
      },
      { maxInFlight: 2 },
    );

    cache.want(100, 139);
    expect(fetchSpy.mock.calls.map(([offset]) => offset)).toEqual([100, 110]);

    // The user scrolls far on before the first answers come back.
    cache.want(700, 719);
    answers[0].resolve({ ok: true, value: pageAt(100, PAGE) });
    answers[1].resolve({ ok: true, value: pageAt(110, PAGE) });
    await settle();

    expect(fetchSpy.mock.calls.map(([offset]) => offset)).toEqual([100, 110, 700, 710]);
  });

  it('never asks beyond the last row', async () => {
    const { cache, fetchSpy } = cacheWith(answerPage, { maxInFlight: 4 });
    cache.want(990, 2000);
    await settle();
    expect(fetchSpy.mock.calls.map(([offset]) => offset)).toEqual([990]);
  });
});

describe('memory', () => {
  it('drops the pages farthest from the rows in view beyond its limit', async () => {
    const { cache } = cacheWith(answerPage, { maxPages: 3, maxInFlight: 4 });
    cache.want(100, 129);
    await settle();

    expect(cache.loadedPages).toBe(3);
    expect(cache.rowAt(0)).toBeUndefined();
    expect(cache.rowAt(100)).toBe(100);
    expect(cache.rowAt(129)).toBe(129);
  });
});

describe('failures and stale answers', () => {
  it('reports a failed page once and does not retry it on every scroll', async () => {
    const failure = { code: 'internal' as const, message: 'index closed' };
    const { cache, fetchSpy, onFailure } = cacheWith(() =>
      Promise.resolve({ ok: false as const, error: failure }),
    );
    cache.want(30, 35);
    await settle();
    cache.want(30, 36);
    await settle();

    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith(failure);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('ignores answers arriving after it was disposed', async () => {
    const pending = deferred<Result<RowsPage<number>>>();
    const { cache, onPage } = cacheWith(() => pending.promise);
    cache.want(40, 45);
    cache.dispose();
    pending.resolve({ ok: true, value: pageAt(40, PAGE) });
    await settle();

    expect(onPage).not.toHaveBeenCalled();
    expect(cache.rowAt(40)).toBeUndefined();
  });
});

describe('refreshing the same search', () => {
  it('shows the rows it replaces until its own pages arrive', async () => {
    const { cache: before } = cacheWith(answerPage, { maxInFlight: 4 });
    before.want(40, 49);
    await settle();

    const pending = deferred<Result<RowsPage<number>>>();
    const after = new PageCache<number>(
      { fetchPage: () => pending.promise, pageSize: PAGE, onPage: vi.fn(), onFailure: vi.fn() },
      { total: TOTAL + 5, rows: pageAt(0, PAGE).rows.map((row) => row + 10_000) },
      before,
    );
    after.want(40, 49);
    expect(after.rowAt(0)).toBe(10_000);
    expect(after.rowAt(45)).toBe(45);

    pending.resolve({
      ok: true,
      value: { total: TOTAL + 5, rows: pageAt(40, PAGE).rows.map((r) => -r) },
    });
    await settle();
    expect(after.rowAt(45)).toBe(-45);
  });

  it('shows no row past the new total', () => {
    const { cache: before } = cacheWith(answerPage);
    const after = new PageCache<number>(
      { fetchPage: answerPage, pageSize: PAGE, onPage: vi.fn(), onFailure: vi.fn() },
      { total: 3, rows: [7, 8, 9] },
      before,
    );
    expect(after.rowAt(2)).toBe(9);
    expect(after.rowAt(5)).toBeUndefined();
  });
});
