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
      if (runs.ok) set({ runs: runs.value });
      else report(runs.error);
      if (builds.ok) set({ builds: builds.value });
      else report(builds.error);
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
    const others = store.getState().runs.filter((candidate) => candidate.runId !== run.runId);
    const runs = [run, ...others].sort((a, b) => b.startedAt - a.startedAt);
    const ended = run.status !== 'running' && previous?.status !== run.status;
    store.setState(ended ? { runs, endedRun: run } : { runs });
    if (!ended) return;
    notifier.runEnded(run);
    if (run.action === 'build') {
      void api.workflows
        .builds()
        .then((builds) => builds.ok && store.setState({ builds: builds.value }));
    }
  }

  return store;
}
