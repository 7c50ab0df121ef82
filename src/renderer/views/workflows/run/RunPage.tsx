import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { useNow } from '../../status/useNow';
import { clockTime, outcomeLabel, outputEntries, runDuration } from '../model/runText';
import { LogTail } from './LogTail';
import { PhaseList } from './PhaseList';
import { StopTaskButton } from './StopTaskButton';

/** One run: its phases, its outcome unmistakably, its outputs, and its log beside them. */
export function RunPage({ runId }: { runId: string }) {
  const store = useStores().workflows.workflows;
  const run = useStore(store, (state) => state.runs.find((candidate) => candidate.runId === runId));
  const lines = useStore(store, (state) => state.logs[runId]) ?? [];
  const stopRun = useStore(store, (state) => state.stopRun);
  const now = useNow();
  if (!run) return <div className="workflows-empty muted">This run is not known here.</div>;

  const outputs = outputEntries(run.outputs);
  return (
    <div className="run-page" data-testid="run-page" data-status={run.status} data-run={run.runId}>
      <header className="panel-header">
        <h2>{run.workflowLabel}</h2>
        <span className="muted">
          started {clockTime(run.startedAt)} by <span className="mono">{run.startedBy}</span> ·{' '}
          {runDuration(run, now)}
        </span>
        {run.canStop && (
          <StopTaskButton label={run.workflowLabel} onStop={() => void stopRun(run.runId)} />
        )}
      </header>

      <div className={`run-outcome outcome-${run.status}`} data-testid="run-outcome" role="status">
        <strong>{outcomeLabel(run.status)}</strong>
        <span data-testid="run-message">{run.message}</span>
      </div>

      <div className="run-columns">
        <div className="run-facts">
          <PhaseList phases={run.phases} />
          {Object.keys(run.parameters).length > 0 && (
            <dl className="run-values">
              <dt>Parameters</dt>
              {Object.entries(run.parameters).map(([name, value]) => (
                <dd key={name}>
                  <span className="muted">{name}</span> <span className="mono">{value}</span>
                </dd>
              ))}
            </dl>
          )}
          {outputs.length > 0 && (
            <dl className="run-values" data-testid="run-outputs">
              <dt>Outputs</dt>
              {outputs.map(([name, value]) => (
                <dd key={name} data-output={name}>
                  <span className="muted">{name}</span>{' '}
                  <span className="mono output-value">{value}</span>
                </dd>
              ))}
            </dl>
          )}
        </div>
        <LogTail lines={lines} live={run.status === 'running'} />
      </div>
    </div>
  );
}
