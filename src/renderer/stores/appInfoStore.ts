import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo } from '../../shared/ipc/contract';
import type { OpsdeskBridge } from '../../shared/ipc/api';
import type { ReportFailure } from './noticeStore';

/** How the app is served (Electron or browser mode), once known. */
export interface AppInfoState {
  info: AppInfo | null;
  load(): Promise<void>;
}

/** Creates the store of the app's mode and version, shown in the header. */
export function createAppInfoStore(
  api: Pick<OpsdeskBridge, 'app'>,
  report: ReportFailure,
): StoreApi<AppInfoState> {
  return createStore<AppInfoState>()((set) => ({
    info: null,
    async load() {
      const result = await api.app.info();
      if (result.ok) set({ info: result.value });
      else report(result.error);
    },
  }));
}
