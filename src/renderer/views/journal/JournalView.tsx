import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { JournalEntry } from '../../../shared/workflows';
import { countOf } from '../../format/plural';
import { shortDateTime } from '../../format/dateTime';
import { useStores } from '../../stores/StoresContext';
import { downloadExport } from './download';
import { journalValues } from './model/journalText';
import './journal.css';

/** One journal entry; long values wrap within the last column, whole on hover. */
function JournalRow({ entry, now }: { entry: JournalEntry; now: number }) {
  const values = journalValues(entry, now)
    .map(({ name, value }) => `${name}=${value}`)
    .join(' · ');
  return (
    <tr data-testid="journal-entry" data-kind={entry.kind}>
      <td className="nowrap" title={new Date(entry.at).toISOString()}>
        {shortDateTime(entry.at, now, { seconds: true })}
      </td>
      <td>{entry.kind}</td>
      <td className="mono">{entry.what}</td>
      <td>
        {entry.result && <span className={`status-pill pill-${entry.result}`}>{entry.result}</span>}
      </td>
      <td className="mono who" title={entry.who}>
        {entry.who}
      </td>
      <td className="journal-message">
        {entry.message && <div>{entry.message}</div>}
        {values && (
          <div className="mono muted journal-values" data-testid="journal-values">
            {values}
          </div>
        )}
      </td>
    </tr>
  );
}

/** The journal: every start, approval, stop and outcome, filtered and exported. */
export function JournalView() {
  const store = useStores().journal;
  const { filter, entries, loading, setFilter, exportAs } = useStore(store);
  useEffect(() => void store.getState().load(), [store]);
  // Decides only whether a date shows its year, so the time the view opened will do.
  const [now] = useState(() => Date.now());

  const save = async (format: 'csv' | 'jsonl') => {
    const file = await exportAs(format);
    if (file) downloadExport(file);
  };

  return (
    <div className="journal-view" data-testid="journal-view">
      <div className="journal-toolbar">
        <input
          type="search"
          className="text-input"
          placeholder="Filter: who, workflow, run id, digest…"
          aria-label="Filter text"
          data-testid="journal-text"
          value={filter.text ?? ''}
          onChange={(event) => setFilter({ text: event.target.value })}
        />
        <select
          aria-label="Kind"
          data-testid="journal-kind"
          value={filter.kind ?? ''}
          onChange={(event) =>
            setFilter({ kind: (event.target.value || undefined) as JournalEntry['kind'] })
          }
        >
          <option value="">Every kind</option>
          <option value="start">Starts</option>
          <option value="approval">Approvals</option>
          <option value="stop">Stops</option>
          <option value="outcome">Outcomes</option>
        </select>
        <select
          aria-label="Result"
          data-testid="journal-result"
          value={filter.result ?? ''}
          onChange={(event) =>
            setFilter({ result: (event.target.value || undefined) as JournalEntry['result'] })
          }
        >
          <option value="">Any result</option>
          <option value="succeeded">Succeeded</option>
          <option value="failed">Failed</option>
        </select>
        <span className="muted" data-testid="journal-count" data-count={entries.length}>
          {loading ? 'Loading…' : countOf(entries.length, 'entry', 'entries')}
        </span>
        <span className="journal-export">
          <button
            type="button"
            className="button"
            data-testid="export-csv"
            onClick={() => void save('csv')}
          >
            Export CSV
          </button>
          <button
            type="button"
            className="button"
            data-testid="export-jsonl"
            onClick={() => void save('jsonl')}
          >
            Export JSON lines
          </button>
        </span>
      </div>
      <table className="journal-table">
        <colgroup>
          <col className="col-when" />
          <col className="col-kind" />
          <col className="col-what" />
          <col className="col-result" />
          <col className="col-who" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>When</th>
            <th>Kind</th>
            <th>What</th>
            <th>Result</th>
            <th>Who</th>
            <th>Message and values</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <JournalRow key={`${entry.at}-${index}`} entry={entry} now={now} />
          ))}
        </tbody>
      </table>
      {!loading && entries.length === 0 && (
        <p className="muted journal-empty">Nothing in the journal matches.</p>
      )}
    </div>
  );
}
