import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../../../shared/ipc/api';
import type { Approval } from '../../../../shared/workflows';
import type { WorkflowsState } from './workflowsStore';

/** The approval an approver is entering for one image. */
export interface ApprovalState {
  reviewedCommit: string;
  busy: boolean;
  /** The recorded approval, once given. */
  approval: Approval | null;
  error: string | null;
  setReviewedCommit(text: string): void;
  approve(imageDigest: string): Promise<void>;
  reset(): void;
}

/** Creates the approval store; an approval refreshes the builds list. */
export function createApprovalStore(
  api: Pick<OpsdeskBridge, 'workflows'>,
  workflows: StoreApi<WorkflowsState>,
): StoreApi<ApprovalState> {
  return createStore<ApprovalState>()((set, get) => ({
    reviewedCommit: '',
    busy: false,
    approval: null,
    error: null,
    setReviewedCommit: (reviewedCommit) => set({ reviewedCommit, error: null }),
    reset: () => set({ reviewedCommit: '', busy: false, approval: null, error: null }),
    async approve(imageDigest) {
      set({ busy: true, error: null });
      const result = await api.workflows.approve({
        imageDigest,
        reviewedCommit: get().reviewedCommit,
      });
      if (!result.ok) {
        set({ busy: false, error: result.error.message });
        return;
      }
      set({ busy: false, approval: result.value });
      const builds = await api.workflows.builds();
      if (builds.ok) workflows.setState({ builds: builds.value });
    },
  }));
}
