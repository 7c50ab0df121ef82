import type { BucketWidth } from '../../../../shared/logs';
import type { HistogramRow } from '../model/histogramRows';
import { LEVEL_COLOURS, STACK_ORDER } from '../model/levels';
import { formatCount } from '../model/numberFormat';
import { formatBucketSpan } from '../model/timeFormat';

/** The hovered bucket: its span in local time and its count per level. */
export function HistogramTooltip({
  row,
  bucket,
  timeZone,
}: {
  row: HistogramRow | undefined;
  bucket: BucketWidth;
  timeZone: string;
}) {
  if (!row) return null;
  const levels = STACK_ORDER.filter((level) => row[level] > 0);

  return (
    <div className="histogram-tooltip">
      <div className="tooltip-title">{formatBucketSpan(row.start, row.end, bucket, timeZone)}</div>
      <table>
        <tbody>
          {levels.map((level) => (
            <tr key={level}>
              <td>
                <span className="legend-swatch" style={{ background: LEVEL_COLOURS[level] }} />
                {level}
              </td>
              <td className="number">{formatCount(row[level])}</td>
            </tr>
          ))}
          <tr className="tooltip-total">
            <td>total</td>
            <td className="number">{formatCount(row.total)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
