import { describe, expect, it, vi } from 'vitest';
import type { LogRecordDetail } from '../../../../shared/logs';
import type { Result } from '../../../../shared/result';
import { createFakeApi, deferred, logRow, refuse } from '../../../testing/fakeApi';
import { createSelectionStore } from './selectionStore';

function setup(loadedRows = 100) {
  const fake = createFakeApi();
  const report = vi.fn();
  const rowAt = (index: number) => (index < loadedRows ? logRow(1000 + index) : undefined);
  const store = createSelectionStore({ api: fake.bridge, report, rowAt });
  return { fake, report, store };
}

describe('moving the selection', () => {
  it('starts at the first row going down and at the last going up', () => {
    const { store } = setup();
    store.getState().move(1, 50);
    expect(store.getState().selectedIndex).toBe(0);

    store.getState().select(null);
    store.getState().move(-1, 50);
    expect(store.getState().selectedIndex).toBe(49);
  });

  it('stays within the results', () => {
    const { store } = setup();
    store.getState().select(48);
    store.getState().move(10, 50);
    expect(store.getState().selectedIndex).toBe(49);
    store.getState().move(-100, 50);
    expect(store.getState().selectedIndex).toBe(0);
  });

  it('goes to the first row on Home and the last on End, with or without a selection', () => {
    const { store } = setup();
    store.getState().moveToEdge('first', 50);
    expect(store.getState().selectedIndex).toBe(0);

    store.getState().select(null);
    store.getState().moveToEdge('last', 50);
    expect(store.getState().selectedIndex).toBe(49);

    store.getState().select(20);
    store.getState().moveToEdge('first', 50);
    expect(store.getState().selectedIndex).toBe(0);
    store.getState().moveToEdge('last', 0);
    expect(store.getState().selectedIndex).toBeNull();
  });

  it('selects nothing when nothing matches', () => {
    const { store } = setup();
    store.getState().select(3);
    store.getState().move(1, 0);
    expect(store.getState().selectedIndex).toBeNull();
  });
});

describe('opening an event', () => {
  it("fetches the selected row's record by its id", async () => {
    const { fake, store } = setup();
    store.getState().select(7);
    await store.getState().openSelected();

    expect(fake.api.logs.record).toHaveBeenCalledWith({ id: 1007 });
    expect(store.getState().record?.raw).toBe('raw 1007');
  });

  it('does nothing while the selected row is not loaded', async () => {
    const { fake, store } = setup(5);
    store.getState().select(10);
    await store.getState().openSelected();
    expect(fake.api.logs.record).not.toHaveBeenCalled();
  });

  it('drops an answer that arrives after the panel was closed', async () => {
    const { fake, store } = setup();
    const late = deferred<Result<LogRecordDetail>>();
    fake.api.logs.record.mockReturnValueOnce(late.promise);
    store.getState().select(1);
    const opening = store.getState().openSelected();
    store.getState().closeRecord();
    late.resolve({
      ok: true,
      value: { ...logRow(1001), raw: 'late', sourceName: 'a', format: 'plain', lineNumber: 1 },
    });
    await opening;

    expect(store.getState().record).toBeNull();
  });

  it('reports an event that cannot be read', async () => {
    const { fake, store, report } = setup();
    fake.api.logs.record.mockReturnValueOnce(
      refuse({ code: 'not-found', message: 'No event 1000' }),
    );
    store.getState().select(0);
    await store.getState().openSelected();

    expect(report).toHaveBeenCalledWith({ code: 'not-found', message: 'No event 1000' });
    expect(store.getState().loadingRecord).toBe(false);
  });
});
