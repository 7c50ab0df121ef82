import { useStore } from 'zustand';
import { useStores } from '../../stores/StoresContext';
import { SideItem } from './SideItem';

/** The active environment's workflows; in a read-only environment they are disabled, with why. */
export function WorkflowList() {
  const stores = useStores().workflows;
  const catalog = useStore(stores.workflows, (state) => state.catalog);
  const selection = useStore(stores.workflows, (state) => state.selection);
  const open = useStore(stores.form, (state) => state.open);

  return (
    <section className="side-section" aria-label="Workflows">
      <h2>Workflows {catalog && <span className="muted">in {catalog.environmentLabel}</span>}</h2>
      {catalog?.readOnly && (
        <p className="readonly-note" data-testid="readonly-note">
          {catalog.workflows[0]?.disabledReason ?? `${catalog.environmentLabel} is read-only.`}
        </p>
      )}
      <ul className="side-list">
        {catalog?.workflows.map((workflow) => (
          <li key={workflow.id}>
            <SideItem
              data-testid="workflow-item"
              data-workflow={workflow.id}
              current={selection?.type === 'workflow' && selection.workflowId === workflow.id}
              disabled={Boolean(workflow.disabledReason)}
              title={workflow.disabledReason}
              onClick={() => open(workflow)}
              badge={
                <span className={`action-badge action-${workflow.action}`}>{workflow.action}</span>
              }
              detail={`${workflow.kind === 'lambda' ? 'Lambda' : 'ECS task'} ${workflow.target}`}
            >
              {workflow.label}
            </SideItem>
          </li>
        ))}
      </ul>
    </section>
  );
}
