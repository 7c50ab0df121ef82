import { useStore } from 'zustand';
import { useStores } from '../../stores/StoresContext';
import { ApprovalPanel } from './approval/ApprovalPanel';
import { ApprovalQueue } from './ApprovalQueue';
import { WorkflowFormPanel } from './form/WorkflowFormPanel';
import { RunList } from './RunList';
import { RunPage } from './run/RunPage';
import { WorkflowList } from './WorkflowList';
import './workflows.css';

/** The Workflows view: start a workflow from its form, watch runs, approve builds. */
export function WorkflowsView() {
  const selection = useStore(useStores().workflows.workflows, (state) => state.selection);

  return (
    <div className="workflows-view" data-testid="workflows-view">
      <aside className="workflows-side">
        <WorkflowList />
        <ApprovalQueue />
        <RunList />
      </aside>
      <section className="workflows-main">
        {selection?.type === 'workflow' && <WorkflowFormPanel />}
        {selection?.type === 'run' && <RunPage runId={selection.runId} />}
        {selection?.type === 'approve' && <ApprovalPanel imageDigest={selection.imageDigest} />}
        {!selection && (
          <div className="workflows-empty muted">
            Pick a workflow to start it, a run to watch it, or a build to approve it.
          </div>
        )}
      </section>
    </div>
  );
}
