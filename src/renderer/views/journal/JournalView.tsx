import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { JournalEntry } from '../../../shared/workflows';
import { useStores } from '../../stores/StoresContext';
import { downloadExport } from './download';
import './journal.css';

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { hour12: false });
}

function details(entry: JournalEntry): string {
  const parts = [
    ...Object.entries(entry.parameters ?? {}).map(([name, value]) => `${name}=${value}`),
    ...Object.entries(entry.outputs ?? {})
      .filter(([, value]) => value !== null && value !== undefined)
      .map(
        ([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
      ),
  ];
  return parts.join(' · ');
}

/** The journal: every start, approval, stop and outcome, filtered and exported. */
export function JournalView() {
  const store = useStores().journal;
  const { filter, entries, loading, setFilter, exportAs } = useStore(store);
  useEffect(() => void store.getState().load(), [store]);

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
          {loading ? 'Loading…' : `${entries.length} entries`}
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
            <tr key={`${entry.at}-${index}`} data-testid="journal-entry" data-kind={entry.kind}>
              <td className="nowrap">{when(entry.at)}</td>
              <td>{entry.kind}</td>
              <td className="mono">{entry.what}</td>
              <td>
                {entry.result && (
                  <span className={`status-pill pill-${entry.result}`}>{entry.result}</span>
                )}
              </td>
              <td className="mono who">{entry.who}</td>
              <td>
                {entry.message && <div>{entry.message}</div>}
                <div className="mono muted journal-values">{details(entry)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && entries.length === 0 && (
        <p className="muted journal-empty">Nothing in the journal matches.</p>
      )}
    </div>
  );
}
