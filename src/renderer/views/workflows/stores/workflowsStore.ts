import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type {
  BuildForApproval,
  RunLogLine,
  WorkflowCatalog,
  WorkflowRun,
} from '../../../../shared/workflows';
import type { ReportFailure } from '../../../stores/noticeStore';
import type { RunNotifier } from './runNotifier';

/** What the main panel shows. */
export type WorkflowsSelection =
  | { type: 'workflow'; workflowId: string }
  | { type: 'run'; runId: string }
  | { type: 'approve'; imageDigest: string }
  | null;

/** The Workflows view's state: the catalog, the runs, their logs, builds to approve. */
export interface WorkflowsState {
  catalog: WorkflowCatalog | null;
  runs: WorkflowRun[];
  logs: Record<string, RunLogLine[]>;
  builds: BuildForApproval[];
  selection: WorkflowsSelection;
  /** The last run that ended, shown in the banner until dismissed. */
  endedRun: WorkflowRun | null;
  load(): Promise<void>;
  /** Fetches the run list again, keeping what newer events already said. */
  refreshRuns(): Promise<void>;
  select(selection: WorkflowsSelection): void;
  openRun(runId: string): Promise<void>;
  stopRun(runId: string): Promise<void>;
  dismissEnded(): void;
  /** Subscribes to run events and loads everything; returns the unsubscribe. */
  start(): () => void;
}

/** Lines of one run's log kept in the window. */
const KEPT_LINES = 2000;

/** Creates the Workflows store over the API. */
export function createWorkflowsStore(
  api: Pick<OpsdeskBridge, 'workflows' | 'env'>,
  report: ReportFailure,
  notifier: RunNotifier,
): StoreApi<WorkflowsState> {
  const store = createStore<WorkflowsState>()((set, get) => ({
    catalog: null,
    runs: [],
    logs: {},
    builds: [],
    selection: null,
    endedRun: null,

    async load() {
      const [catalog, runs, builds] = await Promise.all([
        api.workflows.catalog(),
        api.workflows.runs(),
        api.workflows.builds(),
      ]);
      if (catalog.ok) set({ catalog: catalog.value });
      else report(catalog.error);
      if (runs.ok) set(({ runs: known }) => ({ runs: mergeRuns(known, runs.value) }));
      else report(runs.error);
      if (builds.ok) set({ builds: builds.value });
      else report(builds.error);
    },

    async refreshRuns() {
      const runs = await api.workflows.runs();
      if (runs.ok) set(({ runs: known }) => ({ runs: mergeRuns(known, runs.value) }));
    },

    select(selection) {
      set({ selection });
    },

    async openRun(runId) {
      set({ selection: { type: 'run', runId } });
      if (get().logs[runId]) return;
      const lines = await api.workflows.logs({ runId });
      if (lines.ok) {
        set(({ logs }) => ({
          logs: { ...logs, [runId]: [...lines.value, ...(logs[runId] ?? [])] },
        }));
      }
    },

    async stopRun(runId) {
      const result = await api.workflows.stop({ runId });
      if (result.ok) upsert(result.value);
      else report(result.error);
    },

    dismissEnded() {
      set({ endedRun: null });
      notifier.seen();
    },

    start() {
      const stopRuns = api.workflows.onRunUpdated((run) => upsert(run));
      const stopLines = api.workflows.onLogLines(({ runId, lines }) =>
        set(({ logs }) => ({
          logs: { ...logs, [runId]: [...(logs[runId] ?? []), ...lines].slice(-KEPT_LINES) },
        })),
      );
      // Another environment has other workflows and other builds.
      const stopEnvironment = api.env.onChanged(() => {
        set({ selection: null });
        void get().load();
      });
      void get().load();
      return () => {
        stopRuns();
        stopLines();
        stopEnvironment();
      };
    },
  }));

  function upsert(run: WorkflowRun) {
    const previous = store.getState().runs.find((candidate) => candidate.runId === run.runId);
    // An ended run is final: an update that arrives late must not bring it back.
    if (previous && previous.status !== 'running' && run.status === 'running') return;
    const others = store.getState().runs.filter((candidate) => candidate.runId !== run.runId);
    const runs = [run, ...others].sort((a, b) => b.startedAt - a.startedAt);
    const ended = run.status !== 'running' && previous?.status !== run.status;
    store.setState(ended ? { runs, endedRun: run } : { runs });
    // A run this window did not know was picked up again (after a restart, in another
    // window): others may have moved meanwhile, so the whole list is fetched again.
    if (!previous && !ended) void store.getState().refreshRuns();
    if (!ended) return;
    void store.getState().refreshRuns();
    notifier.runEnded(run);
    if (run.action === 'build') {
      void api.workflows
        .builds()
        .then((builds) => builds.ok && store.setState({ builds: builds.value }));
    }
  }

  return store;
}

/**
 * The fetched run list, except that a run the window already knows as ended
 * stays ended: the list may have been read before the run's last event.
 */
export function mergeRuns(known: WorkflowRun[], fetched: WorkflowRun[]): WorkflowRun[] {
  const ended = new Map(
    known.filter((run) => run.status !== 'running').map((run) => [run.runId, run]),
  );
  const merged = fetched.map((run) =>
    run.status === 'running' ? (ended.get(run.runId) ?? run) : run,
  );
  const missing = known.filter((run) => !fetched.some((other) => other.runId === run.runId));
  return [...merged, ...missing].sort((a, b) => b.startedAt - a.startedAt);
}
