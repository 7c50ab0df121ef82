import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { WorkflowSummary } from '../../../../shared/workflows';
import { emptyForm, formComplete, startBlocker, type WorkflowForm } from '../model/formModel';
import type { RunNotifier } from './runNotifier';
import type { WorkflowsState } from './workflowsStore';

/** The open workflow form and what the operator can do with it. */
export interface FormState {
  workflow: WorkflowSummary | null;
  form: WorkflowForm | null;
  open(workflow: WorkflowSummary): void;
  setValue(parameter: string, value: string): void;
  /** Asks the main process what the start would do: the summary before confirmation. */
  review(): Promise<void>;
  setConfirmed(confirmed: boolean): void;
  setTypedEnvironmentName(text: string): void;
  /** Starts the workflow and opens its run page. */
  submit(): Promise<void>;
}

/** Creates the form store; a started run is handed to the workflows store. */
export function createFormStore(
  api: Pick<OpsdeskBridge, 'workflows'>,
  workflows: StoreApi<WorkflowsState>,
  notifier: RunNotifier,
): StoreApi<FormState> {
  return createStore<FormState>()((set, get) => {
    const update = (change: Partial<WorkflowForm>) =>
      set(({ form }) => (form ? { form: { ...form, ...change } } : {}));

    const loadOptions = async (workflow: WorkflowSummary) => {
      for (const parameter of workflow.parameters) {
        if (parameter.source === 'git-ref') continue;
        const result = await api.workflows.options({
          workflowId: workflow.id,
          parameter: parameter.name,
        });
        if (get().form?.workflowId !== workflow.id) return;
        const options = result.ok ? result.value : [];
        set(({ form }) =>
          form
            ? { form: { ...form, options: { ...form.options, [parameter.name]: options } } }
            : {},
        );
        if (!result.ok) update({ planError: result.error.message });
      }
    };

    return {
      workflow: null,
      form: null,

      open(workflow) {
        set({ workflow, form: emptyForm(workflow) });
        workflows.getState().select({ type: 'workflow', workflowId: workflow.id });
        void loadOptions(workflow);
      },

      setValue(parameter, value) {
        const form = get().form;
        if (!form) return;
        // Any change voids the summary: the operator confirms what will really happen.
        update({
          values: { ...form.values, [parameter]: value },
          plan: null,
          planError: null,
          confirmed: false,
          typedEnvironmentName: '',
          startError: null,
        });
      },

      async review() {
        const { workflow, form } = get();
        if (!workflow || !form || !formComplete(workflow, form)) return;
        update({ busy: true, planError: null });
        const result = await api.workflows.plan({
          workflowId: workflow.id,
          parameters: form.values,
        });
        update(
          result.ok
            ? { busy: false, plan: result.value }
            : { busy: false, planError: result.error.message },
        );
      },

      setConfirmed: (confirmed) => update({ confirmed }),
      setTypedEnvironmentName: (typedEnvironmentName) => update({ typedEnvironmentName }),

      async submit() {
        const { workflow, form } = get();
        if (!workflow || !form || startBlocker(workflow, form)) return;
        notifier.askPermission();
        update({ busy: true, startError: null });
        const result = await api.workflows.start({
          workflowId: workflow.id,
          parameters: form.values,
          confirmed: form.confirmed,
          ...(form.plan?.confirmation === 'type-environment-name'
            ? { typedEnvironmentName: form.typedEnvironmentName }
            : {}),
        });
        if (!result.ok) {
          update({ busy: false, startError: result.error.message });
          return;
        }
        set({ form: emptyForm(workflow) });
        workflows.setState(({ runs }) => ({
          runs: runs.some((run) => run.runId === result.value.runId)
            ? runs
            : [result.value, ...runs],
        }));
        void workflows.getState().openRun(result.value.runId);
      },
    };
  });
}
