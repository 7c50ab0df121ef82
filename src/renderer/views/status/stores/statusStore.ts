import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { StatusReport } from '../../../../shared/status';

/** How long to wait before polling again when the request itself failed. */
export const RETRY_AFTER_FAILURE_MS = 30_000;

/** The status on show, whether a refresh is under way, and how to drive polling. */
export interface StatusState {
  report: StatusReport | null;
  /** The IPC request itself failed (not AWS): the main process did not answer. */
  requestFailure: string | null;
  refreshing: boolean;
  /** Collects the status anew now (the refresh button) and restarts the poll interval. */
  refresh(): Promise<void>;
  /**
   * Starts polling at the interval the main process asks for, paused while
   * the window is hidden, reloaded when the environment changes and when a
   * run starts, moves to its next phase or ends; returns stop.
   */
  start(): () => void;
}

/** Timers and page visibility, passed in so tests can drive them. */
export interface StatusStoreDeps {
  api: Pick<OpsdeskBridge, 'status' | 'env' | 'workflows'>;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  isHidden(): boolean;
  /** Calls back when the window is shown or hidden; returns how to stop. */
  onVisibilityChange(callback: () => void): () => void;
}

/** Creates the status store; `start()` when the view mounts. */
export function createStatusStore(deps: StatusStoreDeps): StoreApi<StatusState> {
  return createStore<StatusState>()((set, get) => {
    let timer: unknown = null;
    let running = false;
    // Each run's status and active phase as last seen: a change is what status shows moving.
    const runStages = new Map<string, string>();
    let inFlight: Promise<void> | null = null;
    let again = false;

    const cancel = () => {
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    };

    const schedule = (ms: number) => {
      cancel();
      if (!running || deps.isHidden()) return;
      timer = deps.setTimer(() => {
        timer = null;
        void poll(false);
      }, ms);
    };

    const load = async (force: boolean) => {
      set({ refreshing: true });
      const result = force ? await deps.api.status.refresh() : await deps.api.status.get({});
      if (result.ok) set({ report: result.value, requestFailure: null, refreshing: false });
      else set({ requestFailure: result.error.message, refreshing: false });
    };

    const poll = async (force: boolean) => {
      await load(force);
      const next = get().requestFailure
        ? RETRY_AFTER_FAILURE_MS
        : (get().report?.nextRefreshMs ?? RETRY_AFTER_FAILURE_MS);
      schedule(next);
    };

    // Run events come in bursts: one refresh at a time, and one more after it if asked meanwhile.
    const refreshSoon = () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = poll(true).finally(() => {
        inFlight = null;
        if (again && running) {
          again = false;
          refreshSoon();
        }
      });
    };

    return {
      report: null,
      requestFailure: null,
      refreshing: false,

      refresh: () => poll(true),

      start() {
        running = true;
        void poll(false);
        const stopVisibility = deps.onVisibilityChange(() => {
          if (deps.isHidden()) cancel();
          else void poll(false);
        });
        const stopEnvironment = deps.api.env.onChanged(() => {
          set({ report: null });
          void poll(false);
        });
        const stopRuns = deps.api.workflows.onRunUpdated((run) => {
          const active = run.phases.find((phase) => phase.state === 'active');
          const stage = `${run.status}:${active?.id ?? ''}`;
          if (runStages.get(run.runId) === stage) return;
          runStages.set(run.runId, stage);
          if (!deps.isHidden()) refreshSoon();
        });
        return () => {
          running = false;
          cancel();
          stopVisibility();
          stopEnvironment();
          stopRuns();
        };
      },
    };
  });
}

/** The store as the app creates it: real timers and the document's visibility. */
export function createBrowserStatusStore(
  api: Pick<OpsdeskBridge, 'status' | 'env' | 'workflows'>,
): StoreApi<StatusState> {
  return createStatusStore({
    api,
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (timer) => window.clearTimeout(timer as number),
    isHidden: () => document.visibilityState === 'hidden',
    onVisibilityChange(callback) {
      document.addEventListener('visibilitychange', callback);
      return () => document.removeEventListener('visibilitychange', callback);
    },
  });
}
