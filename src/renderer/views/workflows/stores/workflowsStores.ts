import type { StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { ReportFailure } from '../../../stores/noticeStore';
import { createApprovalStore, type ApprovalState } from './approvalStore';
import { createFormStore, type FormState } from './formStore';
import type { RunNotifier } from './runNotifier';
import { createWorkflowsStore, type WorkflowsState } from './workflowsStore';

/** The Workflows view's stores. */
export interface WorkflowsStores {
  workflows: StoreApi<WorkflowsState>;
  form: StoreApi<FormState>;
  approval: StoreApi<ApprovalState>;
}

/** Creates the Workflows view's stores around one API and notifier. */
export function createWorkflowsStores(
  api: Pick<OpsdeskBridge, 'workflows' | 'env'>,
  report: ReportFailure,
  notifier: RunNotifier,
): WorkflowsStores {
  const workflows = createWorkflowsStore(api, report, notifier);
  return {
    workflows,
    form: createFormStore(api, workflows, notifier),
    approval: createApprovalStore(api, workflows),
  };
}
