import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { LoadProgress, LogSource } from '../../../../shared/logs';
import type { ReportFailure } from '../../../stores/noticeStore';

/** The loaded log sources, their loading progress, and the actions on them. */
export interface SourcesState {
  sources: LogSource[];
  /** Latest progress per source id, while or after it loads. */
  progress: Record<string, LoadProgress>;
  /** Files handed over and not yet registered. */
  opening: boolean;
  /** Loads the sources already open, e.g. files named on the command line. */
  load(): Promise<void>;
  openFiles(files: File[]): Promise<void>;
  close(sourceId: string): Promise<void>;
  applyProgress(progress: LoadProgress): void;
}

/** What the sources store needs from its surroundings. */
export interface SourcesStoreDeps {
  api: Pick<OpsdeskBridge, 'logs' | 'files'>;
  report: ReportFailure;
  /** The indexed events changed (records added, a source closed): results are stale. */
  onContentChange(finished: boolean): void;
}

/** The newest event time over all sources, which relative ranges count back from. */
export function newestEventTime(sources: LogSource[]): number | undefined {
  const times = sources.flatMap((source) =>
    source.lastTime === undefined ? [] : [source.lastTime],
  );
  return times.length > 0 ? Math.max(...times) : undefined;
}

/** How far a source has loaded, 0 to 1, or undefined when unknown. */
export function loadFraction(progress: LoadProgress | undefined): number | undefined {
  if (!progress || progress.totalBytes <= 0) return undefined;
  return Math.min(1, progress.bytesRead / progress.totalBytes);
}

/** Creates the store of loaded sources; call `load()` once the view mounts. */
export function createSourcesStore({
  api,
  report,
  onContentChange,
}: SourcesStoreDeps): StoreApi<SourcesState> {
  return createStore<SourcesState>()((set, get) => {
    const merge = (incoming: LogSource[]) => {
      const byId = new Map(get().sources.map((source) => [source.sourceId, source]));
      for (const source of incoming) byId.set(source.sourceId, source);
      set({ sources: [...byId.values()] });
    };

    return {
      sources: [],
      progress: {},
      opening: false,

      async load() {
        const result = await api.logs.sources();
        if (result.ok) set({ sources: result.value });
        else report(result.error);
      },

      async openFiles(files) {
        if (files.length === 0) return;
        set({ opening: true });
        try {
          const paths = await api.files.pathsOf(files);
          if (!paths.ok) return report(paths.error);

          const opened = await api.logs.open({ paths: paths.value });
          if (!opened.ok) return report(opened.error);
          merge(opened.value);
        } finally {
          set({ opening: false });
        }
      },

      async close(sourceId) {
        const result = await api.logs.close({ sourceId });
        if (!result.ok) return report(result.error);

        const { [sourceId]: _closed, ...progress } = get().progress;
        set({ sources: get().sources.filter((s) => s.sourceId !== sourceId), progress });
        onContentChange(true);
      },

      applyProgress(progress) {
        const known = get().sources.some((source) => source.sourceId === progress.sourceId);
        set({
          progress: { ...get().progress, [progress.sourceId]: progress },
          sources: get().sources.map((source) =>
            source.sourceId === progress.sourceId
              ? {
                  ...source,
                  records: progress.records,
                  problem: progress.problem ?? source.problem,
                }
              : source,
          ),
        });

        // The final state, format and time span come with the source itself,
        // so it is fetched again once loading ends or an unknown source shows up.
        if (progress.done || !known) void get().load();
        onContentChange(progress.done);
      },
    };
  });
}
