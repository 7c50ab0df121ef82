import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { JournalEntry } from '../../../shared/workflows';
import { shortDateTime } from '../../format/dateTime';
import { useStores } from '../../stores/StoresContext';
import { JournalToolbar } from './JournalToolbar';
import { journalValues } from './model/journalText';
import './journal.css';

/** One journal entry; long values wrap within the last column, whole on hover. */
function JournalRow({ entry, now }: { entry: JournalEntry; now: number }) {
  const values = journalValues(entry, now)
    .map(({ name, value }) => `${name}=${value}`)
    .join(' · ');
  return (
    <tr data-testid="journal-entry" data-kind={entry.kind} data-environment={entry.environment}>
      <td className="nowrap" title={new Date(entry.at).toISOString()}>
        {shortDateTime(entry.at, now, { seconds: true })}
      </td>
      <td className="mono" data-testid="journal-entry-environment">
        {entry.environment}
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
  const { scope, entries, loading } = useStore(store);
  useEffect(() => store.getState().start(), [store]);
  // Decides only whether a date shows its year, so the time the view opened will do.
  const [now] = useState(() => Date.now());

  return (
    <div className="journal-view" data-testid="journal-view">
      <JournalToolbar store={store} />
      <table className="journal-table">
        <colgroup>
          <col className="col-when" />
          <col className="col-environment" />
          <col className="col-kind" />
          <col className="col-what" />
          <col className="col-result" />
          <col className="col-who" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>When</th>
            <th>Environment</th>
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
        <p className="muted journal-empty">
          {scope.type === 'all'
            ? 'Nothing in the journal matches.'
            : 'Nothing in this environment\'s journal matches; choose "All environments" to see the others.'}
        </p>
      )}
    </div>
  );
}
