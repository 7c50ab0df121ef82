import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { LogRecordDetail, LogRow } from '../../../../shared/logs';
import type { ReportFailure } from '../../../stores/noticeStore';

/** The selected result row and the record opened in the detail panel. */
export interface SelectionState {
  /** Index of the selected row in the results, or null. */
  selectedIndex: number | null;
  /** The record in the detail panel; null when the panel is closed. */
  record: LogRecordDetail | null;
  loadingRecord: boolean;
  select(index: number | null): void;
  /** Moves the selection by `step` rows, staying within `total`. */
  move(step: number, total: number): void;
  /** Selects the first or the last of `total` rows, whatever is selected now. */
  moveToEdge(edge: 'first' | 'last', total: number): void;
  /** Opens the selected row's record in the detail panel. */
  openSelected(): Promise<void>;
  closeRecord(): void;
}

/** What the selection store needs from its surroundings. */
export interface SelectionStoreDeps {
  api: Pick<OpsdeskBridge, 'logs'>;
  report: ReportFailure;
  /** The loaded row at an index of the current results, if loaded. */
  rowAt(index: number): LogRow | undefined;
}

/** Creates the store of the selected row and the opened record. */
export function createSelectionStore({
  api,
  report,
  rowAt,
}: SelectionStoreDeps): StoreApi<SelectionState> {
  let latestRequest = 0;

  return createStore<SelectionState>()((set, get) => ({
    selectedIndex: null,
    record: null,
    loadingRecord: false,

    select(index) {
      set({ selectedIndex: index });
    },

    move(step, total) {
      if (total === 0) return set({ selectedIndex: null });
      const current = get().selectedIndex;
      const next = current === null ? (step > 0 ? 0 : total - 1) : current + step;
      set({ selectedIndex: Math.max(0, Math.min(total - 1, next)) });
    },

    moveToEdge(edge, total) {
      if (total === 0) return set({ selectedIndex: null });
      set({ selectedIndex: edge === 'first' ? 0 : total - 1 });
    },

    async openSelected() {
      const index = get().selectedIndex;
      const row = index === null ? undefined : rowAt(index);
      if (!row) return;

      const request = ++latestRequest;
      set({ loadingRecord: true });
      const result = await api.logs.record({ id: row.id });
      if (request !== latestRequest) return;

      if (result.ok) set({ record: result.value, loadingRecord: false });
      else {
        set({ loadingRecord: false });
        report(result.error);
      }
    },

    closeRecord() {
      latestRequest++;
      set({ record: null, loadingRecord: false });
    },
  }));
}
