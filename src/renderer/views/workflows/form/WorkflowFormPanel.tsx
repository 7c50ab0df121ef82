import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { formComplete, startBlocker } from '../model/formModel';
import { ConfirmStep } from './ConfirmStep';
import { ParameterField } from './ParameterField';

/** A workflow's form: parameters picked from lists, the summary, the confirmation, the start. */
export function WorkflowFormPanel() {
  const store = useStores().workflows.form;
  const state = useStore(store);
  const { workflow, form } = state;
  if (!workflow || !form) return null;

  const locked = form.busy || Boolean(workflow.disabledReason);
  const blocker = startBlocker(workflow, form);

  return (
    <div className="workflow-form" data-testid="workflow-form" data-workflow={workflow.id}>
      <header className="panel-header">
        <h2>{workflow.label}</h2>
        <span className="muted">
          {workflow.kind === 'lambda' ? 'Lambda function' : 'ECS task'}{' '}
          <span className="mono">{workflow.target}</span>
        </span>
      </header>
      {workflow.disabledReason && (
        <p className="readonly-note" data-testid="disabled-reason">
          {workflow.disabledReason}
        </p>
      )}

      {workflow.parameters.length === 0 && (
        <p className="muted">This workflow takes no parameters.</p>
      )}
      {workflow.parameters.map((parameter) => (
        <ParameterField
          key={parameter.name}
          parameter={parameter}
          value={form.values[parameter.name] ?? ''}
          options={form.options[parameter.name]}
          disabled={locked}
          onChange={(value) => state.setValue(parameter.name, value)}
        />
      ))}

      {!form.plan && (
        <button
          type="button"
          className="button"
          data-testid="review-button"
          disabled={locked || !formComplete(workflow, form)}
          onClick={() => void state.review()}
        >
          Review what will happen
        </button>
      )}
      {form.planError && (
        <p className="form-error" role="alert" data-testid="plan-error">
          {form.planError}
        </p>
      )}

      {form.plan && (
        <>
          <ConfirmStep
            plan={form.plan}
            confirmed={form.confirmed}
            typedEnvironmentName={form.typedEnvironmentName}
            disabled={locked}
            onConfirmed={state.setConfirmed}
            onTyped={state.setTypedEnvironmentName}
          />
          <div className="form-actions">
            <button
              type="button"
              className={`button primary${form.plan.confirmation === 'type-environment-name' ? ' danger' : ''}`}
              data-testid="start-button"
              disabled={locked || blocker !== null}
              onClick={() => void state.submit()}
            >
              Start {workflow.label}
            </button>
            {blocker && <span className="muted">{blocker}</span>}
          </div>
        </>
      )}
      {form.startError && (
        <p className="form-error" role="alert" data-testid="start-error">
          {form.startError}
        </p>
      )}
    </div>
  );
}
