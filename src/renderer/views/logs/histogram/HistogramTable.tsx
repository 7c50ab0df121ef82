import type { Histogram } from '../../../../shared/logs';
import { LEVELS } from '../model/levels';
import { bucketTotal, countOf } from '../model/histogramRows';
import { formatBucketSpan } from '../model/timeFormat';

/** The histogram's exact counts as a table, hidden visually but read by screen readers. */
export function HistogramTable({ histogram }: { histogram: Histogram }) {
  return (
    <table className="visually-hidden" data-testid="histogram-table">
      <caption>
        Matching events per {histogram.bucket === '15m' ? '15 minutes' : histogram.bucket} in{' '}
        {histogram.timeZone}
      </caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Total</th>
          {LEVELS.map((level) => (
            <th key={level} scope="col">
              {level}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {histogram.buckets.map((bucket) => {
          const total = bucketTotal(bucket);
          return (
            <tr
              key={bucket.start}
              data-testid="histogram-bucket"
              data-start={bucket.start}
              data-total={total}
            >
              <th scope="row">
                {formatBucketSpan(bucket.start, bucket.end, histogram.bucket, histogram.timeZone)}
              </th>
              <td>{total}</td>
              {LEVELS.map((level) => (
                <td key={level}>{countOf(bucket, level)}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
