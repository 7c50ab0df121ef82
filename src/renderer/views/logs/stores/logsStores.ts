import type { StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { ReportFailure } from '../../../stores/noticeStore';
import { createHistogramStore, type HistogramState } from './histogramStore';
import { createSearchStore, type SearchState } from './searchStore';
import { createSelectionStore, type SelectionState } from './selectionStore';
import { createSourcesStore, type SourcesState } from './sourcesStore';

/** The Logs view's stores, wired to follow each other. */
export interface LogsStores {
  sources: StoreApi<SourcesState>;
  search: StoreApi<SearchState>;
  histogram: StoreApi<HistogramState>;
  selection: StoreApi<SelectionState>;
  /** Loads the open sources, runs the empty search, listens to progress; returns the stop. */
  start(): () => void;
}

/** What the Logs view's stores need from the app. */
export interface LogsStoresDeps {
  api: Pick<OpsdeskBridge, 'logs' | 'files'>;
  report: ReportFailure;
  timeZone: string;
  /** Least time between two refreshes of the results while files load. */
  refreshEveryMs?: number;
}

/**
 * Creates the Logs view's stores and wires them: a new search recounts the
 * histogram and clears the selection; loading files refreshes both, at most
 * once per `refreshEveryMs` so a big load does not flood the index with queries.
 */
export function createLogsStores({
  api,
  report,
  timeZone,
  refreshEveryMs = 1000,
}: LogsStoresDeps): LogsStores {
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const refreshResults = () => {
    clearTimeout(refreshTimer);
    refreshTimer = undefined;
    void search.getState().refresh();
    const { query, range } = search.getState();
    void histogram.getState().load(query, range);
  };

  const sources = createSourcesStore({
    api,
    report,
    onContentChange(finished) {
      if (finished) refreshResults();
      else refreshTimer ??= setTimeout(refreshResults, refreshEveryMs);
    },
  });
  const search = createSearchStore({ api, report });
  const histogram = createHistogramStore({ api, report, timeZone });
  const selection = createSelectionStore({
    api,
    report,
    rowAt: (index) => search.getState().rows?.rowAt(index),
  });

  search.subscribe((state, previous) => {
    if (state.searchSeq === previous.searchSeq) return;
    selection.getState().select(null);
    void histogram.getState().load(state.query, state.range);
  });

  return {
    sources,
    search,
    histogram,
    selection,
    start() {
      const stopProgress = api.logs.onProgress((progress) =>
        sources.getState().applyProgress(progress),
      );
      void sources.getState().load();
      search.getState().submitQuery();
      return () => {
        stopProgress();
        clearTimeout(refreshTimer);
      };
    },
  };
}
