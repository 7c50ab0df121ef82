import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { rawCutNote } from '../model/numberFormat';
import { formatEventTime } from '../model/timeFormat';
import { BidiText } from '../results/BidiText';
import { LevelBadge } from '../results/ResultRow';
import './detail.css';

/** Enough for any real event; a flood of right-to-left tokens past it is left as written. */
const RAW_ISOLATES = 20_000;

/** The opened event: where it came from, its raw text, and all its fields. Escape closes it. */
export function RecordDetail() {
  const logs = useStores().logs;
  const record = useStore(logs.selection, (state) => state.record);
  const loading = useStore(logs.selection, (state) => state.loadingRecord);
  const timeZone = useStore(logs.histogram, (state) => state.timeZone);
  if (!record) {
    return loading ? <aside className="record-detail loading">Loading event…</aside> : null;
  }

  const fields = Object.entries(record.fields).sort(([a], [b]) => a.localeCompare(b));
  return (
    <aside className="record-detail" data-testid="record-detail" aria-label="Event detail">
      <div className="panel-header">
        <h2>Event</h2>
        <LevelBadge level={record.level} />
        <span className="detail-time">{formatEventTime(record.time, timeZone)}</span>
        <button
          type="button"
          className="icon-button"
          aria-label="Close event detail"
          title="Close (Esc)"
          onClick={() => logs.selection.getState().closeRecord()}
        >
          ×
        </button>
      </div>
      <div className="detail-body">
        <dl className="detail-meta">
          <dt>Source</dt>
          <dd>{record.sourceName}</dd>
          <dt>Format</dt>
          <dd>{record.format}</dd>
          <dt>Line</dt>
          <dd>{record.lineNumber}</dd>
          <dt>UTC</dt>
          <dd>{record.time === null ? 'no time' : new Date(record.time).toISOString()}</dd>
        </dl>

        <h3>Raw</h3>
        {record.rawTruncated && record.rawLength !== undefined && (
          <p className="raw-cut-note" data-testid="raw-cut-note">
            {rawCutNote(record.raw.length, record.rawLength)}
          </p>
        )}
        <pre className="record-raw" data-testid="record-raw">
          <BidiText text={record.raw} maxIsolates={RAW_ISOLATES} />
        </pre>

        <h3>Fields</h3>
        {fields.length === 0 ? (
          <p className="muted">This event has no parsed fields.</p>
        ) : (
          <table className="fields-table">
            <tbody>
              {fields.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td className={typeof value === 'number' ? 'number' : undefined}>
                    <BidiText text={String(value)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </aside>
  );
}
