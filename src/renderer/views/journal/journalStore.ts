import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../shared/ipc/api';
import type { JournalEntry, JournalExport, JournalFilter } from '../../../shared/workflows';
import type { ReportFailure } from '../../stores/noticeStore';

/** The journal's entries as filtered, and how to filter and export them. */
export interface JournalState {
  filter: JournalFilter;
  entries: JournalEntry[];
  loading: boolean;
  setFilter(change: Partial<JournalFilter>): void;
  load(): Promise<void>;
  /** Fetches the filtered journal as a file; the view hands it to the browser to save. */
  exportAs(format: 'csv' | 'jsonl'): Promise<JournalExport | null>;
}

/** Creates the journal store over the API. */
export function createJournalStore(
  api: Pick<OpsdeskBridge, 'journal'>,
  report: ReportFailure,
): StoreApi<JournalState> {
  return createStore<JournalState>()((set, get) => ({
    filter: {},
    entries: [],
    loading: false,

    setFilter(change) {
      const filter = { ...get().filter, ...change };
      for (const key of Object.keys(filter) as (keyof JournalFilter)[]) {
        if (filter[key] === '' || filter[key] === undefined) delete filter[key];
      }
      set({ filter });
      void get().load();
    },

    async load() {
      set({ loading: true });
      const result = await api.journal.list(get().filter);
      if (result.ok) set({ entries: result.value, loading: false });
      else {
        set({ loading: false });
        report(result.error);
      }
    },

    async exportAs(format) {
      const result = await api.journal.export({ ...get().filter, format });
      if (result.ok) return result.value;
      report(result.error);
      return null;
    },
  }));
}
