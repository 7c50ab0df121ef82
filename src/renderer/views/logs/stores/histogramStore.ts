import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { BucketChoice, Histogram } from '../../../../shared/logs';
import type { ReportFailure } from '../../../stores/noticeStore';
import { ALL_TIME, type TimeRange } from '../model/timeRange';

/** The histogram of the current search, and the bucket width asked for. */
export interface HistogramState {
  bucket: BucketChoice;
  /** The zone buckets are cut in: the user's own. */
  timeZone: string;
  histogram: Histogram | null;
  /**
   * Why no histogram could be drawn for these settings, e.g. a bucket too
   * fine for the range; the chart area says it, next to the bucket choice.
   */
  unchartable: string | null;
  loading: boolean;
  /** Counts the events matching a query within a range. */
  load(query: string, range: TimeRange): Promise<void>;
  setBucket(bucket: BucketChoice): void;
}

/** What the histogram store needs from its surroundings. */
export interface HistogramStoreDeps {
  api: Pick<OpsdeskBridge, 'logs'>;
  report: ReportFailure;
  timeZone: string;
}

/** Creates the histogram store; it follows the search's query and range. */
export function createHistogramStore({
  api,
  report,
  timeZone,
}: HistogramStoreDeps): StoreApi<HistogramState> {
  let last = { query: '', range: ALL_TIME };
  let latestRequest = 0;

  return createStore<HistogramState>()((set, get) => ({
    bucket: 'auto',
    timeZone,
    histogram: null,
    unchartable: null,
    loading: false,

    async load(query, range) {
      last = { query, range };
      const request = ++latestRequest;
      set({ loading: true });

      const result = await api.logs.histogram({
        query,
        from: range.from,
        to: range.to,
        bucket: get().bucket,
        timeZone,
      });
      if (request !== latestRequest) return;

      if (result.ok) return set({ histogram: result.value, unchartable: null, loading: false });

      // A refused request is about the chart's own settings (bucket, range,
      // zone): the chart says why, beside the control that fixes it.
      const refused = result.error.code === 'invalid-request';
      set({ histogram: null, unchartable: refused ? result.error.message : null, loading: false });
      // The search shows a query's syntax error under the box; one place is enough.
      if (!refused && result.error.code !== 'query-syntax') report(result.error);
    },

    setBucket(bucket) {
      set({ bucket });
      void get().load(last.query, last.range);
    },
  }));
}
