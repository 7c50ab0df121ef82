import type { ParameterOption, RunPlan, WorkflowSummary } from '../../../../shared/workflows';

/** A workflow's form as the operator fills it in. */
export interface WorkflowForm {
  workflowId: string;
  values: Record<string, string>;
  /** Options per list parameter; undefined while they load. */
  options: Record<string, ParameterOption[] | undefined>;
  /** The summary of what will happen, once asked for; cleared by any change. */
  plan: RunPlan | null;
  planError: string | null;
  confirmed: boolean;
  typedEnvironmentName: string;
  busy: boolean;
  startError: string | null;
}

/** An empty form for a workflow. */
export function emptyForm(workflow: WorkflowSummary): WorkflowForm {
  return {
    workflowId: workflow.id,
    values: {},
    options: {},
    plan: null,
    planError: null,
    confirmed: false,
    typedEnvironmentName: '',
    busy: false,
    startError: null,
  };
}

/** Whether every parameter has a value, so the summary can be asked for. */
export function formComplete(workflow: WorkflowSummary, form: WorkflowForm): boolean {
  return workflow.parameters.every(
    (parameter) => (form.values[parameter.name] ?? '').trim() !== '',
  );
}

/** What still stands between the operator and the start button, or null when nothing does. */
export function startBlocker(workflow: WorkflowSummary, form: WorkflowForm): string | null {
  if (workflow.disabledReason) return workflow.disabledReason;
  if (!formComplete(workflow, form)) return 'Fill in every field first.';
  if (!form.plan) return 'Review the summary first.';
  if (form.plan.confirmation === 'confirm' && !form.confirmed) {
    return 'Tick the box to confirm the summary.';
  }
  if (
    form.plan.confirmation === 'type-environment-name' &&
    form.typedEnvironmentName.trim() !== form.plan.environmentName
  ) {
    return `Type ${form.plan.environmentName} to confirm.`;
  }
  return null;
}
