import { useStore } from 'zustand';
import { useStores } from '../../stores/StoresContext';
import { clockTime } from './model/runText';

/** Recent runs, newest first, each with its status. */
export function RunList() {
  const stores = useStores().workflows;
  const runs = useStore(stores.workflows, (state) => state.runs);
  const selection = useStore(stores.workflows, (state) => state.selection);
  const openRun = useStore(stores.workflows, (state) => state.openRun);

  return (
    <section className="side-section" aria-label="Runs">
      <h2>Runs</h2>
      {runs.length === 0 && <p className="muted">No runs yet.</p>}
      <ul className="side-list">
        {runs.slice(0, 30).map((run) => (
          <li key={run.runId}>
            <button
              type="button"
              className="side-item"
              data-testid="run-item"
              data-status={run.status}
              aria-current={
                selection?.type === 'run' && selection.runId === run.runId ? 'true' : undefined
              }
              onClick={() => void openRun(run.runId)}
            >
              <span className={`status-pill pill-${run.status}`}>{run.status}</span>
              <span className="side-item-text">
                {run.workflowLabel}
                <span className="muted side-item-detail">
                  {clockTime(run.startedAt)} · {run.environment}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
