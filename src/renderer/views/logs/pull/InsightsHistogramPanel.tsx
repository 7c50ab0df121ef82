import { useStore } from 'zustand';
import { bucketsRange } from '../model/timeRange';
import { HistogramChart } from '../histogram/HistogramChart';
import { usePullStore } from './usePullStore';
import '../histogram/histogram.css';
import { countOf } from '../../../format/plural';

/**
 * The histogram of a range too large to pull, counted by CloudWatch Logs
 * Insights where the data is; picking bars narrows the pull form to them.
 */
export function InsightsHistogramPanel() {
  const store = usePullStore();
  const insights = useStore(store, (state) => state.insights);
  if (!insights) return null;

  return (
    <section className="histogram-panel insights-panel" aria-label="Histogram from CloudWatch">
      <div className="histogram-toolbar">
        <span className="computed-by" data-testid="computed-by">
          Counted by CloudWatch Logs Insights
        </span>
        <span className="muted">
          {insights.logGroups.join(', ')} · {countOf(insights.total, 'event')} · {insights.timeZone}
        </span>
        <span className="muted">Pick bars to pull just that range.</span>
        <button type="button" className="button" onClick={() => store.getState().closeInsights()}>
          Back to local events
        </button>
      </div>
      <div className="histogram" data-testid="insights-histogram" data-total={insights.total}>
        <HistogramChart
          histogram={insights}
          onRange={(buckets) => {
            const range = bucketsRange(buckets);
            if (range.from !== undefined && range.to !== undefined) {
              store.getState().drillInto({ from: range.from, to: range.to });
            }
          }}
        />
      </div>
    </section>
  );
}
