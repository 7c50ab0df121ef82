import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, createFakeApi, logRow, logSource } from '../../../testing/fakeApi';
import { presetRange } from '../model/timeRange';
import { createLogsStores } from './logsStores';

function setup() {
  const fake = createFakeApi();
  const report = vi.fn();
  const logs = createLogsStores({
    api: fake.bridge,
    report,
    timeZone: 'Europe/Berlin',
    refreshEveryMs: 1000,
  });
  return { fake, report, logs };
}

const progress = (done: boolean) => ({
  sourceId: 'a',
  name: 'a.log',
  bytesRead: done ? 100 : 50,
  totalBytes: 100,
  records: 10,
  done,
});

describe('starting the view', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lists open sources, runs the empty search and its histogram, and listens to progress', async () => {
    const { fake, logs } = setup();
    const stop = logs.start();
    await vi.advanceTimersByTimeAsync(0);

    expect(fake.api.logs.sources).toHaveBeenCalledTimes(1);
    expect(fake.api.logs.search).toHaveBeenCalledWith(expect.objectContaining({ query: '' }));
    expect(fake.api.logs.histogram).toHaveBeenCalledWith(expect.objectContaining({ query: '' }));
    expect(fake.listening()).toBe(1);

    stop();
    expect(fake.listening()).toBe(0);
  });
});

describe('stores following each other', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('recounts the histogram for a new range and clears the selection', async () => {
    const { fake, logs } = setup();
    logs.selection.getState().select(4);
    const range = presetRange('1h', Date.UTC(2026, 2, 30));
    logs.search.getState().setRange(range);
    await vi.advanceTimersByTimeAsync(0);

    expect(fake.api.logs.histogram).toHaveBeenLastCalledWith(
      expect.objectContaining({ from: range.from, to: range.to }),
    );
    expect(logs.selection.getState().selectedIndex).toBeNull();
  });

  it('refreshes results at most once a second while a file loads, and at once when it is done', async () => {
    const { fake, logs } = setup();
    fake.api.logs.sources.mockReturnValue(answer([logSource('a', { state: 'loading' })]));
    logs.start();
    await vi.advanceTimersByTimeAsync(0);
    fake.api.logs.search.mockClear();

    for (let i = 0; i < 5; i++) fake.emitProgress(progress(false));
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.api.logs.search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.api.logs.search).toHaveBeenCalledTimes(1);

    fake.emitProgress(progress(true));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.api.logs.search).toHaveBeenCalledTimes(2);
  });

  it('opens the record of the row the selection is on in the current results', async () => {
    const { fake, logs } = setup();
    fake.api.logs.search.mockReturnValueOnce(
      answer({ total: 3, offset: 0, rows: [logRow(30), logRow(20), logRow(10)], tookMs: 1 }),
    );
    logs.search.getState().submitQuery();
    await vi.advanceTimersByTimeAsync(0);
    logs.selection.getState().select(1);
    await logs.selection.getState().openSelected();

    expect(fake.api.logs.record).toHaveBeenCalledWith({ id: 20 });
  });
});
