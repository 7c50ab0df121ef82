import { useStore } from 'zustand';
import { BUCKET_CHOICES, type BucketChoice, type BucketWidth } from '../../../../shared/logs';
import { useStores } from '../../../stores/StoresContext';
import { countOf } from '../model/histogramRows';
import { LEVEL_COLOURS, STACK_ORDER } from '../model/levels';
import { formatCount } from '../model/numberFormat';
import { bucketsRange } from '../model/timeRange';
import { HistogramChart } from './HistogramChart';
import { HistogramTable } from './HistogramTable';
import './histogram.css';

const BUCKET_LABELS: Record<BucketChoice, string> = {
  auto: 'Auto',
  '15m': '15 min',
  hour: 'Hour',
  day: 'Day',
};

const WIDTH_WORDS: Record<BucketWidth, string> = {
  '15m': '15-minute buckets',
  hour: 'hourly buckets',
  day: 'daily buckets',
};

/** Matching events over time, stacked by level; clicking or dragging narrows the range. */
export function HistogramPanel() {
  const logs = useStores().logs;
  const histogram = useStore(logs.histogram, (state) => state.histogram);
  const queryFailed = useStore(logs.search, (state) => state.queryError !== null);
  const bucket = useStore(logs.histogram, (state) => state.bucket);
  const timeZone = useStore(logs.histogram, (state) => state.timeZone);
  const levelsPresent = STACK_ORDER.filter((level) =>
    histogram?.buckets.some((entry) => countOf(entry, level) > 0),
  );

  return (
    <section className="histogram-panel" aria-label="Histogram">
      <div className="histogram-toolbar">
        <label className="bucket-choice">
          Bucket
          <select
            data-testid="bucket-select"
            value={bucket}
            onChange={(event) =>
              logs.histogram.getState().setBucket(event.target.value as BucketChoice)
            }
          >
            {BUCKET_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {BUCKET_LABELS[choice]}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {histogram ? `${WIDTH_WORDS[histogram.bucket]} · ` : ''}
          {timeZone}
        </span>
        {histogram && histogram.untimed > 0 && (
          <span className="muted" title="Events without a recognisable time cannot be placed">
            {formatCount(histogram.untimed)} without time
          </span>
        )}
        <span className="legend">
          {levelsPresent.map((level) => (
            <span key={level} className="legend-item">
              <span className="legend-swatch" style={{ background: LEVEL_COLOURS[level] }} />
              {level}
            </span>
          ))}
        </span>
      </div>
      <div className="histogram" data-testid="histogram" data-total={histogram?.total ?? 0}>
        {histogram && histogram.buckets.length > 0 ? (
          <HistogramChart
            histogram={histogram}
            onRange={(buckets) => logs.search.getState().setRange(bucketsRange(buckets))}
          />
        ) : (
          <p className="histogram-empty">
            {queryFailed ? 'Correct the query to see the histogram.' : 'No timed events to chart.'}
          </p>
        )}
      </div>
      {histogram && <HistogramTable histogram={histogram} />}
    </section>
  );
}
