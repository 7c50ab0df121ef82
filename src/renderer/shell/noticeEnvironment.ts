import type { StoreApi } from 'zustand/vanilla';
import type { EnvironmentState } from '../environments/environmentStore';
import type { NoticeState } from '../stores/noticeStore';

/**
 * Tells the notice store each active environment the environment store
 * learns (on load and on `api.env.onChanged`), so that failures of an
 * environment left do not stay above another one. Returns the unsubscribe.
 */
export function followActiveEnvironment(
  environments: StoreApi<Pick<EnvironmentState, 'active'>>,
  notices: StoreApi<NoticeState>,
): () => void {
  const tell = (active: EnvironmentState['active']) => {
    if (active && active.name !== notices.getState().environment) {
      notices.getState().environmentChanged(active.name);
    }
  };
  tell(environments.getState().active);
  return environments.subscribe((state) => tell(state.active));
}
