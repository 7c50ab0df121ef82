import type { StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../shared/ipc/api';
import { createLogsStores, type LogsStores } from '../views/logs/stores/logsStores';
import { createAppInfoStore, type AppInfoState } from './appInfoStore';
import { createNoticeStore, type NoticeState } from './noticeStore';

/** Every store of the app, created once per window around one API. */
export interface AppStores {
  notices: StoreApi<NoticeState>;
  appInfo: StoreApi<AppInfoState>;
  logs: LogsStores;
}

/** Creates the app's stores on an API; tests pass a fake one. */
export function createAppStores(api: OpsdeskBridge, timeZone: string): AppStores {
  const notices = createNoticeStore();
  const report = notices.getState().report;
  return {
    notices,
    appInfo: createAppInfoStore(api, report),
    logs: createLogsStores({ api, report, timeZone }),
  };
}
