import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchPage } from '../../../../shared/logs';
import type { Result } from '../../../../shared/result';
import { answer, createFakeApi, deferred, logRow, refuse, settle } from '../../../testing/fakeApi';
import { presetRange } from '../model/timeRange';
import { createSearchStore } from './searchStore';

function setup() {
  const fake = createFakeApi();
  const report = vi.fn();
  const store = createSearchStore({ api: fake.bridge, report, debounceMs: 300, pageSize: 50 });
  return { fake, report, store };
}

const page = (total: number, ids: number[]): Promise<Result<SearchPage>> =>
  answer({ total, offset: 0, rows: ids.map((id) => logRow(id)), tookMs: 4 });

describe('running a query', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once typing pauses, with the latest text', async () => {
    const { fake, store } = setup();
    store.getState().setQueryText('err');
    await vi.advanceTimersByTimeAsync(200);
    store.getState().setQueryText('error');
    await vi.advanceTimersByTimeAsync(299);
    expect(fake.api.logs.search).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(fake.api.logs.search).toHaveBeenCalledTimes(1);
    expect(fake.api.logs.search).toHaveBeenCalledWith({
      query: 'error',
      from: undefined,
      to: undefined,
      offset: 0,
      limit: 50,
    });
  });

  it('runs at once on Enter and does not run again when the pause ends', async () => {
    const { fake, store } = setup();
    store.getState().setQueryText('status:>=500 ');
    store.getState().submitQuery();
    await vi.advanceTimersByTimeAsync(1000);

    expect(fake.api.logs.search).toHaveBeenCalledTimes(1);
    expect(fake.api.logs.search.mock.calls[0][0]).toMatchObject({ query: 'status:>=500' });
  });

  it('keeps what the user is typing when a background refresh runs meanwhile', async () => {
    const { fake, store } = setup();
    store.getState().setQueryText('timeout');
    await vi.advanceTimersByTimeAsync(100);
    void store.getState().refresh();
    await vi.advanceTimersByTimeAsync(300);

    const queries = fake.api.logs.search.mock.calls.map(([request]) => request);
    expect(queries).toEqual([
      expect.objectContaining({ query: '' }),
      expect.objectContaining({ query: 'timeout' }),
    ]);
  });
});

describe('results', () => {
  it('holds the total and the first page of rows, newest first as answered', async () => {
    const { fake, store } = setup();
    fake.api.logs.search.mockReturnValueOnce(page(1234, [7, 6, 5]));
    store.getState().submitQuery();
    await settle();

    const state = store.getState();
    expect(state.total).toBe(1234);
    expect(state.tookMs).toBe(4);
    expect(state.rows?.rowAt(0)?.id).toBe(7);
    expect(state.rows?.rowAt(2)?.id).toBe(5);
  });

  it('limits the search to the chosen time range', async () => {
    const { fake, store } = setup();
    const range = presetRange('1h', Date.UTC(2026, 2, 30, 14));
    store.getState().setRange(range);
    await settle();

    expect(fake.api.logs.search).toHaveBeenCalledWith(
      expect.objectContaining({ from: range.from, to: range.to }),
    );
    expect(store.getState().range).toBe(range);
  });

  it('shows only the latest search when answers arrive out of order', async () => {
    const { fake, store } = setup();
    const slow = deferred<Result<SearchPage>>();
    fake.api.logs.search.mockReturnValueOnce(slow.promise).mockReturnValueOnce(page(2, [2, 1]));

    store.getState().setQueryText('first');
    store.getState().submitQuery();
    store.getState().setQueryText('second');
    store.getState().submitQuery();
    await settle();
    slow.resolve({ ok: true, value: { total: 99, offset: 0, rows: [], tookMs: 1 } });
    await settle();

    expect(store.getState().query).toBe('second');
    expect(store.getState().total).toBe(2);
  });

  it('counts a new query or range as a new search, a refresh not', async () => {
    const { store } = setup();
    store.getState().submitQuery();
    await settle();
    await store.getState().refresh();
    expect(store.getState().searchSeq).toBe(1);

    store.getState().setRange(presetRange('15m', 0));
    await settle();
    expect(store.getState().searchSeq).toBe(2);
  });
});

describe('failures', () => {
  it('shows a syntax error under the box with its position, not in the banner', async () => {
    const { fake, store, report } = setup();
    fake.api.logs.search.mockReturnValueOnce(
      refuse({ code: 'query-syntax', message: 'Unclosed quote', position: 4 }),
    );
    store.getState().setQueryText('foo "bar');
    store.getState().submitQuery();
    await settle();

    expect(store.getState().queryError).toEqual({
      query: 'foo "bar',
      message: 'Unclosed quote',
      position: 4,
    });
    expect(store.getState().total).toBe(0);
    expect(report).not.toHaveBeenCalled();
  });

  it('clears the syntax error once a query runs', async () => {
    const { fake, store } = setup();
    fake.api.logs.search.mockReturnValueOnce(refuse({ code: 'query-syntax', message: 'bad' }));
    store.getState().submitQuery();
    await settle();
    store.getState().submitQuery();
    await settle();

    expect(store.getState().queryError).toBeNull();
  });

  it('reports any other failure to the banner and keeps working', async () => {
    const { fake, store, report } = setup();
    const failure = { code: 'internal' as const, message: 'The log index stopped' };
    fake.api.logs.search.mockReturnValueOnce(refuse(failure));
    store.getState().submitQuery();
    await settle();

    expect(report).toHaveBeenCalledWith(failure);
    expect(store.getState().searching).toBe(false);
    expect(store.getState().queryError).toBeNull();
  });
});
