import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { TailLines } from '../../../../shared/ipc/channels/logpull';
import type { ReportFailure } from '../../../stores/noticeStore';

/** Following one log stream live: which one, and how many events came since. */
export interface TailState {
  logGroup: string;
  streams: string[];
  logStream: string;
  tailId: string | null;
  received: number;
  /** Why following stopped on its own, e.g. access was refused. */
  stopped: string | null;
  chooseGroup(logGroup: string): Promise<void>;
  chooseStream(logStream: string): void;
  follow(): Promise<void>;
  stop(): Promise<void>;
  applyLines(lines: TailLines): void;
}

/** Creates the store behind "Follow a stream". */
export function createTailStore(
  api: Pick<OpsdeskBridge, 'logs'>,
  report: ReportFailure,
): StoreApi<TailState> {
  return createStore<TailState>()((set, get) => ({
    logGroup: '',
    streams: [],
    logStream: '',
    tailId: null,
    received: 0,
    stopped: null,

    async chooseGroup(logGroup) {
      set({ logGroup, streams: [], logStream: '' });
      if (!logGroup) return;
      const result = await api.logs.pullStreams({ logGroup });
      if (!result.ok) return report(result.error);
      if (get().logGroup === logGroup)
        set({ streams: result.value, logStream: result.value[0] ?? '' });
    },

    chooseStream: (logStream) => set({ logStream }),

    async follow() {
      const { logGroup, logStream } = get();
      if (!logGroup || !logStream) return;
      await get().stop();
      const result = await api.logs.tail({ logGroup, logStream });
      if (!result.ok) return report(result.error);
      set({ tailId: result.value.tailId, received: 0, stopped: null });
    },

    async stop() {
      const tailId = get().tailId;
      if (!tailId) return;
      set({ tailId: null });
      const result = await api.logs.tailStop({ tailId });
      if (!result.ok) report(result.error);
    },

    applyLines(lines) {
      if (lines.tailId !== get().tailId) return;
      if (lines.stopped) return set({ tailId: null, stopped: lines.stopped });
      set({ received: get().received + lines.lines.length });
    },
  }));
}
