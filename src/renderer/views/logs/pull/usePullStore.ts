import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { api } from '../../../api';
import { useStores } from '../../../stores/StoresContext';
import type { LogsStores } from '../stores/logsStores';
import { createPullStore, type PullState } from './pullStore';

// One pull store per Logs view's stores, so the form survives switching views.
const pullStores = new WeakMap<LogsStores, StoreApi<PullState>>();

/** The pull store of this window, listening to pull progress while mounted. */
export function usePullStore(): StoreApi<PullState> {
  const stores = useStores();
  let store = pullStores.get(stores.logs);
  if (!store) {
    store = createPullStore({
      api,
      report: stores.notices.getState().report,
      timeZone: stores.logs.histogram.getState().timeZone,
    });
    pullStores.set(stores.logs, store);
  }
  const pullStore = store;
  useEffect(() => {
    void pullStore.getState().loadGroups();
    return api.logs.onPullProgress((progress) => pullStore.getState().applyProgress(progress));
  }, [pullStore]);
  return pullStore;
}
