import { useStore } from 'zustand';
import type { ActiveEnvironmentInfo } from '../../shared/ipc/channels/environments';
import { useStores } from '../stores/StoresContext';

/**
 * The active environment, or null until it is known; re-renders on every switch.
 *
 * A view that shows AWS data reloads when the name changes:
 * `useEffect(() => load(), [useActiveEnvironment()?.name])`. Stores outside
 * React can listen with `api.env.onChanged` instead.
 */
export function useActiveEnvironment(): ActiveEnvironmentInfo | null {
  return useStore(useStores().environments, (state) => state.active);
}
