import { describe, expect, it, vi } from 'vitest';
import { createFakeApi, refuse, settle } from '../../../testing/fakeApi';
import { ALL_TIME, presetRange } from '../model/timeRange';
import { createHistogramStore } from './histogramStore';

function setup() {
  const fake = createFakeApi();
  const report = vi.fn();
  const store = createHistogramStore({ api: fake.bridge, report, timeZone: 'Asia/Kolkata' });
  return { fake, report, store };
}

describe('counting the matches over time', () => {
  it("asks for the search's query and range in the user's time zone", async () => {
    const { fake, store } = setup();
    const range = presetRange('24h', Date.UTC(2026, 2, 30));
    await store.getState().load('level:error', range);

    expect(fake.api.logs.histogram).toHaveBeenCalledWith({
      query: 'level:error',
      from: range.from,
      to: range.to,
      bucket: 'auto',
      timeZone: 'Asia/Kolkata',
    });
    expect(store.getState().histogram?.bucket).toBe('hour');
  });

  it('counts again with the same query and range when the bucket changes', async () => {
    const { fake, store } = setup();
    await store.getState().load('GET', ALL_TIME);
    store.getState().setBucket('day');
    await settle();

    expect(store.getState().bucket).toBe('day');
    expect(fake.api.logs.histogram).toHaveBeenLastCalledWith(
      expect.objectContaining({ query: 'GET', bucket: 'day' }),
    );
  });
});

describe('failures', () => {
  it('leaves syntax errors to the search box', async () => {
    const { fake, store, report } = setup();
    fake.api.logs.histogram.mockReturnValueOnce(refuse({ code: 'query-syntax', message: 'bad' }));
    await store.getState().load('(', ALL_TIME);

    expect(store.getState().histogram).toBeNull();
    expect(report).not.toHaveBeenCalled();
  });

  it('says in the chart, not in a banner, why a bucket is too fine, until a bucket fits', async () => {
    const { fake, store, report } = setup();
    const message = 'That time range needs more than 20000 bars of 15m; pick a wider bucket.';
    fake.api.logs.histogram.mockReturnValueOnce(refuse({ code: 'invalid-request', message }));
    store.getState().setBucket('15m');
    await settle();

    expect(store.getState().unchartable).toBe(message);
    expect(store.getState().histogram).toBeNull();
    expect(report).not.toHaveBeenCalled();

    store.getState().setBucket('day');
    await settle();
    expect(store.getState().unchartable).toBeNull();
    expect(store.getState().histogram).not.toBeNull();
  });

  it('reports other failures', async () => {
    const { fake, store, report } = setup();
    const failure = { code: 'internal' as const, message: 'The index is gone' };
    fake.api.logs.histogram.mockReturnValueOnce(refuse(failure));
    await store.getState().load('', ALL_TIME);

    expect(report).toHaveBeenCalledWith(failure);
    expect(store.getState().unchartable).toBeNull();
    expect(store.getState().loading).toBe(false);
  });
});
