import { useStore } from 'zustand';
import { useStores } from '../../stores/StoresContext';
import { clockTime } from './model/runText';
import { SideItem } from './SideItem';

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
            <SideItem
              data-testid="run-item"
              data-status={run.status}
              current={selection?.type === 'run' && selection.runId === run.runId}
              onClick={() => void openRun(run.runId)}
              badge={<span className={`status-pill pill-${run.status}`}>{run.status}</span>}
              detail={`${clockTime(run.startedAt)} · ${run.environment}`}
            >
              {run.workflowLabel}
            </SideItem>
          </li>
        ))}
      </ul>
    </section>
  );
}
