import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { JournalEntry } from '../../../shared/workflows';
import { countOf } from '../../format/plural';
import { downloadExport } from './download';
import type { JournalScope, JournalState } from './journalStore';

/** The scope as a select value: `active`, `all`, or `env:NAME`. */
const scopeValue = (scope: JournalScope) =>
  scope.type === 'named' ? `env:${scope.name}` : scope.type;

const scopeOf = (value: string): JournalScope =>
  value.startsWith('env:') ? { type: 'named', name: value.slice(4) } : { type: value as 'all' };

/** The journal's filters, whose entries it shows, their count, and the exports of them. */
export function JournalToolbar({ store }: { store: StoreApi<JournalState> }) {
  const { filter, scope, environments, activeEnvironment, entries, loading } = useStore(store);
  const { setFilter, setScope, exportAs } = store.getState();

  const save = async (format: 'csv' | 'jsonl') => {
    const file = await exportAs(format);
    if (file) downloadExport(file);
  };

  return (
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
        aria-label="Environment"
        data-testid="journal-environment"
        value={scopeValue(scope)}
        onChange={(event) =>
          setScope(
            event.target.value === 'active' ? { type: 'active' } : scopeOf(event.target.value),
          )
        }
      >
        <option value="active">
          Active environment{activeEnvironment ? ` (${activeEnvironment})` : ''}
        </option>
        <option value="all">All environments</option>
        {environments
          .filter((environment) => environment.name !== activeEnvironment)
          .map((environment) => (
            <option key={environment.name} value={`env:${environment.name}`}>
              {environment.label}
            </option>
          ))}
      </select>
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
        <option value="stopped">Stopped</option>
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
  );
}
