import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../shared/ipc/api';
import type { ActiveEnvironmentInfo } from '../../../shared/ipc/channels/environments';
import type { JournalEntry, JournalExport, JournalFilter } from '../../../shared/workflows';
import type { ReportFailure } from '../../stores/noticeStore';

/** Whose entries the journal shows: the active environment's, every one's, or one named. */
export type JournalScope = { type: 'active' } | { type: 'all' } | { type: 'named'; name: string };

/** The journal's entries as filtered, and how to filter and export them. */
export interface JournalState {
  /** Every filter but the environment, which `scope` decides. */
  filter: Omit<JournalFilter, 'environment'>;
  scope: JournalScope;
  /** The environments one can choose, and which is active; empty until known. */
  environments: ActiveEnvironmentInfo[];
  activeEnvironment: string | null;
  entries: JournalEntry[];
  loading: boolean;
  setFilter(change: Partial<Omit<JournalFilter, 'environment'>>): void;
  setScope(scope: JournalScope): void;
  load(): Promise<void>;
  /** Fetches the filtered journal as a file; the view hands it to the browser to save. */
  exportAs(format: 'csv' | 'jsonl'): Promise<JournalExport | null>;
  /**
   * Learns the environments, loads, and follows environment switches and run
   * ends (which add outcomes); returns the unsubscribe.
   */
  start(): () => void;
}

/** The filter the main process is asked with: the view's filter and the scope's environment. */
export function scopedFilter(
  state: Pick<JournalState, 'filter' | 'scope' | 'activeEnvironment'>,
): JournalFilter {
  const { filter, scope, activeEnvironment } = state;
  if (scope.type === 'named') return { ...filter, environment: scope.name };
  if (scope.type === 'active' && activeEnvironment) {
    return { ...filter, environment: activeEnvironment };
  }
  return { ...filter };
}

/** Creates the journal store over the API; it shows the active environment's entries first. */
export function createJournalStore(
  api: Pick<OpsdeskBridge, 'journal' | 'env' | 'workflows'>,
  report: ReportFailure,
): StoreApi<JournalState> {
  return createStore<JournalState>()((set, get) => {
    // Answers can come back out of order; only the latest request's answer is shown.
    let latest = 0;

    const learnEnvironments = async () => {
      const result = await api.env.list();
      if (result.ok) {
        set({ environments: result.value.environments, activeEnvironment: result.value.active });
      } else report(result.error);
    };

    return {
      filter: {},
      scope: { type: 'active' },
      environments: [],
      activeEnvironment: null,
      entries: [],
      loading: false,

      setFilter(change) {
        const filter = { ...get().filter, ...change };
        for (const key of Object.keys(filter) as (keyof typeof filter)[]) {
          if (filter[key] === '' || filter[key] === undefined) delete filter[key];
        }
        set({ filter });
        void get().load();
      },

      setScope(scope) {
        set({ scope });
        void get().load();
      },

      async load() {
        const request = ++latest;
        set({ loading: true });
        const result = await api.journal.list(scopedFilter(get()));
        if (request !== latest) return;
        if (result.ok) set({ entries: result.value, loading: false });
        else {
          set({ loading: false });
          report(result.error);
        }
      },

      async exportAs(format) {
        // The export holds exactly what the table shows.
        const result = await api.journal.export({ ...scopedFilter(get()), format });
        if (result.ok) return result.value;
        report(result.error);
        return null;
      },

      start() {
        const stopEnvironment = api.env.onChanged((info) => {
          set({ activeEnvironment: info.name });
          void learnEnvironments();
          if (get().scope.type === 'active') void get().load();
        });
        const stopRuns = api.workflows.onRunUpdated((run) => {
          if (run.status !== 'running') void get().load();
        });
        void learnEnvironments().then(() => get().load());
        return () => {
          stopEnvironment();
          stopRuns();
        };
      },
    };
  });
}
