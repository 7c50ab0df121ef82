import type { StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../shared/ipc/api';
import {
  createCredentialPromptStore,
  type CredentialPromptState,
} from '../environments/credentialPromptStore';
import { createEnvironmentStore, type EnvironmentState } from '../environments/environmentStore';
import { createLogsStores, type LogsStores } from '../views/logs/stores/logsStores';
import { createBrowserStatusStore, type StatusState } from '../views/status/stores/statusStore';
import { createJournalStore, type JournalState } from '../views/journal/journalStore';
import { createRunNotifier } from '../views/workflows/stores/runNotifier';
import {
  createWorkflowsStores,
  type WorkflowsStores,
} from '../views/workflows/stores/workflowsStores';
import { createAppInfoStore, type AppInfoState } from './appInfoStore';
import { createNoticeStore, type NoticeState } from './noticeStore';

/** Every store of the app, created once per window around one API. */
export interface AppStores {
  notices: StoreApi<NoticeState>;
  appInfo: StoreApi<AppInfoState>;
  environments: StoreApi<EnvironmentState>;
  credentialPrompts: StoreApi<CredentialPromptState>;
  logs: LogsStores;
  status: StoreApi<StatusState>;
  workflows: WorkflowsStores;
  journal: StoreApi<JournalState>;
}

/** Creates the app's stores on an API; tests pass a fake one. */
export function createAppStores(api: OpsdeskBridge, timeZone: string): AppStores {
  const notices = createNoticeStore();
  const report = notices.getState().report;
  return {
    notices,
    appInfo: createAppInfoStore(api, report),
    environments: createEnvironmentStore(api, report),
    credentialPrompts: createCredentialPromptStore(api, report),
    logs: createLogsStores({ api, report, timeZone }),
    status: createBrowserStatusStore(api),
    workflows: createWorkflowsStores(api, report, createRunNotifier(window)),
    journal: createJournalStore(api, report),
  };
}
