import { useStore } from 'zustand';
import { useStores } from '../../stores/StoresContext';
import { statusMark } from './model/runText';

/** Says a run ended, whichever view is open, until the operator dismisses it or opens the run. */
export function RunEndedBanner({ onOpen }: { onOpen(): void }) {
  const store = useStores().workflows.workflows;
  const run = useStore(store, (state) => state.endedRun);
  if (!run) return null;

  const open = () => {
    store.getState().dismissEnded();
    void store.getState().openRun(run.runId);
    onOpen();
  };
  return (
    <div
      className={`run-banner run-banner-${run.status}`}
      role="status"
      data-testid="run-ended-banner"
      data-status={run.status}
    >
      <strong>
        {statusMark(run.status)} {run.workflowLabel} {run.status}
      </strong>
      <span className="run-banner-message">{run.message}</span>
      <button type="button" className="button subtle" onClick={open}>
        Open run
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss"
        onClick={() => store.getState().dismissEnded()}
      >
        ×
      </button>
    </div>
  );
}
