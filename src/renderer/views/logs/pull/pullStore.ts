import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type {
  InsightsHistogram,
  PullableGroup,
  PullProgress,
  RangeEstimate,
} from '../../../../shared/ipc/channels/logpull';
import type { ReportFailure } from '../../../stores/noticeStore';
import { toDateTimeLocal } from '../model/timeFormat';
import { resolvePullRange, type PullRangeChoice } from './pullRange';

/** The pull form, the pull in progress, and a Logs Insights histogram when one was asked for. */
export interface PullState {
  groups: PullableGroup[];
  selected: string[];
  rangeChoice: PullRangeChoice;
  /** The custom range's inputs, `datetime-local` values in the user's zone. */
  custom: { from: string; to: string };
  filterPattern: string;
  streamPrefix: string;
  /** Set when the range is too large to pull; offers Logs Insights instead. */
  estimate: RangeEstimate | null;
  progress: PullProgress | null;
  insights: InsightsHistogram | null;
  insightsLoading: boolean;
  /** A mistake in the form, or why a pull could not start (e.g. AWS unreachable), shown beside it. */
  problem: string | null;
  loadGroups(): Promise<void>;
  toggleGroup(name: string): void;
  setRangeChoice(choice: PullRangeChoice): void;
  setCustom(custom: Partial<{ from: string; to: string }>): void;
  setFilterPattern(pattern: string): void;
  setStreamPrefix(prefix: string): void;
  pull(): Promise<void>;
  refresh(): Promise<void>;
  cancel(): Promise<void>;
  countWithInsights(): Promise<void>;
  closeInsights(): void;
  /** Narrows the form to a range picked on the Insights histogram, to pull it. */
  drillInto(range: { from: number; to: number }): void;
  applyProgress(progress: PullProgress): void;
}

/** What the pull store needs from the app. */
export interface PullStoreDeps {
  api: Pick<OpsdeskBridge, 'logs'>;
  report: ReportFailure;
  timeZone: string;
  now?: () => number;
}

/** Creates the store behind the "Pull from CloudWatch" panel. */
export function createPullStore({
  api,
  report,
  timeZone,
  now = Date.now,
}: PullStoreDeps): StoreApi<PullState> {
  return createStore<PullState>()((set, get) => {
    const range = () => resolvePullRange(get().rangeChoice, get().custom, now(), timeZone);
    const request = () => ({
      logGroups: get().selected,
      ...(get().streamPrefix.trim() ? { streamPrefixes: [get().streamPrefix.trim()] } : {}),
      ...(get().filterPattern.trim() ? { filterPattern: get().filterPattern.trim() } : {}),
    });
    /** Shows why a pull could not start in the panel, where the user is looking. */
    const failed = (message: string) => set({ problem: message, progress: null });
    const started = async (result: Awaited<ReturnType<typeof api.logs.pull>>) => {
      if (!result.ok) return failed(result.error.message);
      set({ progress: null, estimate: null });
    };

    return {
      groups: [],
      selected: [],
      rangeChoice: '6h',
      custom: { from: '', to: '' },
      filterPattern: '',
      streamPrefix: '',
      estimate: null,
      progress: null,
      insights: null,
      insightsLoading: false,
      problem: null,

      async loadGroups() {
        const result = await api.logs.pullGroups();
        if (!result.ok) return report(result.error);
        const names = result.value.map((group) => group.name);
        const selected = get().selected.filter((name) => names.includes(name));
        set({ groups: result.value, selected: selected.length ? selected : names.slice(0, 1) });
      },

      toggleGroup(name) {
        const selected = get().selected.includes(name)
          ? get().selected.filter((candidate) => candidate !== name)
          : [...get().selected, name];
        set({ selected, estimate: null });
      },

      setRangeChoice(rangeChoice) {
        if (rangeChoice === 'custom' && !get().custom.from) {
          const to = now();
          set({
            custom: {
              from: toDateTimeLocal(to - 3_600_000, timeZone),
              to: toDateTimeLocal(to, timeZone),
            },
          });
        }
        set({ rangeChoice, estimate: null, problem: null });
      },
      setCustom: (custom) => set({ custom: { ...get().custom, ...custom }, estimate: null }),
      setFilterPattern: (filterPattern) => set({ filterPattern }),
      setStreamPrefix: (streamPrefix) => set({ streamPrefix }),

      async pull() {
        const resolved = range();
        if ('problem' in resolved) return set({ problem: resolved.problem });
        if (get().selected.length === 0) return set({ problem: 'Pick at least one log group.' });
        set({ problem: null });

        const estimate = await api.logs.pullEstimate({ logGroups: get().selected, ...resolved });
        if (!estimate.ok) return failed(estimate.error.message);
        if (estimate.value.beyondLocalLimit) return set({ estimate: estimate.value });
        await started(await api.logs.pull({ ...request(), ...resolved }));
      },

      async refresh() {
        if (get().selected.length === 0) return set({ problem: 'Pick at least one log group.' });
        set({ problem: null });
        await started(await api.logs.pull({ ...request(), refresh: true }));
      },

      async cancel() {
        const pullId = get().progress?.pullId;
        if (!pullId) return;
        const result = await api.logs.pullCancel({ pullId });
        if (!result.ok) report(result.error);
      },

      async countWithInsights() {
        const resolved = range();
        if ('problem' in resolved) return set({ problem: resolved.problem });
        set({ insightsLoading: true });
        const result = await api.logs.insightsHistogram({
          logGroups: get().selected,
          ...resolved,
          bucket: 'auto',
          timeZone,
        });
        set({ insightsLoading: false });
        if (!result.ok) return failed(result.error.message);
        set({ insights: result.value });
      },

      closeInsights: () => set({ insights: null }),

      drillInto({ from, to }) {
        set({
          rangeChoice: 'custom',
          custom: { from: toDateTimeLocal(from, timeZone), to: toDateTimeLocal(to, timeZone) },
          estimate: null,
        });
      },

      applyProgress(progress) {
        // A failed pull's message shows in the progress; it replaces an older problem.
        set(progress.state === 'failed' ? { progress, problem: null } : { progress });
        // Pulled-until times move once a pull ends.
        if (progress.state !== 'running') void get().loadGroups();
      },
    };
  });
}
