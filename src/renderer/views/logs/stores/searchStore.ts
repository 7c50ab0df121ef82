import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { LogRow } from '../../../../shared/logs';
import type { ReportFailure } from '../../../stores/noticeStore';
import { ALL_TIME, type TimeRange } from '../model/timeRange';
import { PageCache } from './pageCache';

/** A query the index could not parse, with where it went wrong. */
export interface QuerySyntaxError {
  query: string;
  message: string;
  position?: number;
}

/** The search: what is typed, what ran, and the rows it matched. */
export interface SearchState {
  /** The text in the search box, possibly not yet run. */
  queryText: string;
  /** The query of the results on show. */
  query: string;
  range: TimeRange;
  total: number;
  tookMs: number | null;
  searching: boolean;
  queryError: QuerySyntaxError | null;
  /** Rows of the current result; replaced by every search. */
  rows: PageCache<LogRow> | null;
  /** Bumped when a page of rows arrives, so the list draws it. */
  rowsVersion: number;
  /** Bumped when a new query or range runs (not on a refresh). */
  searchSeq: number;
  /** Sets the typed text and runs it once typing pauses. */
  setQueryText(text: string): void;
  /** Runs the typed text now (Enter). */
  submitQuery(): void;
  setRange(range: TimeRange): void;
  /** Runs the current query again because the indexed events changed. */
  refresh(): Promise<void>;
}

/** What the search store needs from its surroundings. */
export interface SearchStoreDeps {
  api: Pick<OpsdeskBridge, 'logs'>;
  report: ReportFailure;
  debounceMs?: number;
  pageSize?: number;
}

/** Creates the search store; results come newest first, a page at a time. */
export function createSearchStore({
  api,
  report,
  debounceMs = 300,
  pageSize = 200,
}: SearchStoreDeps): StoreApi<SearchState> {
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  // Answers can arrive out of order; only the latest request may set results.
  let latestRequest = 0;

  return createStore<SearchState>()((set, get) => {
    const run = async (query: string, range: TimeRange, isNewSearch: boolean) => {
      // A new search supersedes the one typing would start; a refresh must not,
      // or files loading in the background would swallow what the user typed.
      if (isNewSearch) clearTimeout(typingTimer);
      const request = ++latestRequest;
      set({
        searching: true,
        ...(isNewSearch ? { query, range, searchSeq: get().searchSeq + 1 } : {}),
      });

      const fetchPage = (offset: number, limit: number) =>
        api.logs.search({ query, from: range.from, to: range.to, offset, limit });
      const first = await fetchPage(0, pageSize);
      if (request !== latestRequest) return;

      const previous = get().rows;
      previous?.dispose();
      if (first.ok) {
        const rows = new PageCache<LogRow>(
          {
            fetchPage,
            pageSize,
            onPage: (total) => set({ total, rowsVersion: get().rowsVersion + 1 }),
            onFailure: report,
          },
          first.value,
          isNewSearch ? undefined : (previous ?? undefined),
        );
        set({
          rows,
          total: first.value.total,
          tookMs: first.value.tookMs,
          queryError: null,
          searching: false,
        });
        return;
      }

      set({ rows: null, total: 0, tookMs: null, searching: false });
      if (first.error.code === 'query-syntax') {
        set({
          queryError: { query, message: first.error.message, position: first.error.position },
        });
      } else {
        set({ queryError: null });
        report(first.error);
      }
    };

    return {
      queryText: '',
      query: '',
      range: ALL_TIME,
      total: 0,
      tookMs: null,
      searching: false,
      queryError: null,
      rows: null,
      rowsVersion: 0,
      searchSeq: 0,

      setQueryText(text) {
        set({ queryText: text });
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => get().submitQuery(), debounceMs);
      },

      submitQuery() {
        const { queryText, range } = get();
        void run(queryText.trim(), range, true);
      },

      setRange(range) {
        void run(get().queryText.trim(), range, true);
      },

      refresh() {
        const { query, range } = get();
        return run(query, range, false);
      },
    };
  });
}
