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

/** The bucket width choice; the chart area repeats it when a width cannot be drawn. */
function BucketSelect({ testId }: { testId: string }) {
  const logs = useStores().logs;
  const bucket = useStore(logs.histogram, (state) => state.bucket);
  return (
    <label className="bucket-choice">
      Bucket
      <select
        data-testid={testId}
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
  );
}

/** What the chart area says when there is no chart to draw. */
function HistogramEmpty({
  queryFailed,
  unchartable,
}: {
  queryFailed: boolean;
  unchartable: string | null;
}) {
  if (queryFailed)
    return <p className="histogram-empty">Correct the query to see the histogram.</p>;
  if (unchartable) {
    return (
      <div className="histogram-empty histogram-unchartable" data-testid="histogram-unchartable">
        <p>{unchartable}</p>
        <BucketSelect testId="bucket-select-unchartable" />
      </div>
    );
  }
  return <p className="histogram-empty">No timed events to chart.</p>;
}

/** Matching events over time, stacked by level; clicking or dragging narrows the range. */
export function HistogramPanel() {
  const logs = useStores().logs;
  const histogram = useStore(logs.histogram, (state) => state.histogram);
  const queryFailed = useStore(logs.search, (state) => state.queryError !== null);
  const unchartable = useStore(logs.histogram, (state) => state.unchartable);
  const timeZone = useStore(logs.histogram, (state) => state.timeZone);
  const levelsPresent = STACK_ORDER.filter((level) =>
    histogram?.buckets.some((entry) => countOf(entry, level) > 0),
  );

  return (
    <section className="histogram-panel" aria-label="Histogram">
      <div className="histogram-toolbar">
        <BucketSelect testId="bucket-select" />
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
          <HistogramEmpty queryFailed={queryFailed} unchartable={unchartable} />
        )}
      </div>
      {histogram && <HistogramTable histogram={histogram} />}
    </section>
  );
}
