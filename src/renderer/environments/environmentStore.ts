import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../shared/ipc/api';
import type {
  ActiveEnvironmentInfo,
  CallerIdentityInfo,
} from '../../shared/ipc/channels/environments';
import type { ReportFailure } from '../stores/noticeStore';

/** Whether the caller identity of the active environment is known yet. */
export type IdentityStatus = 'unknown' | 'loading' | 'known' | 'failed';

/** The environments to switch between, the active one, and who the caller is there. */
export interface EnvironmentState {
  environments: ActiveEnvironmentInfo[];
  /** The active environment, once the list has loaded. */
  active: ActiveEnvironmentInfo | null;
  /** Problems found in the environments files, one line each. */
  problems: string[];
  identity: CallerIdentityInfo | null;
  identityStatus: IdentityStatus;
  identityError: string | null;
  /** A switch was asked for and has not answered yet. */
  switching: boolean;
  load(): Promise<void>;
  activate(name: string): Promise<void>;
  loadIdentity(): Promise<void>;
  /** Follows switches made anywhere (another window, the main process); returns how to stop. */
  start(): () => void;
}

/**
 * Creates the store of environments shown in the header.
 *
 * An identity that answers after the user switched again belongs to the old
 * environment and is dropped.
 */
export function createEnvironmentStore(
  api: Pick<OpsdeskBridge, 'env'>,
  report: ReportFailure,
): StoreApi<EnvironmentState> {
  return createStore<EnvironmentState>()((set, get) => {
    let identitySeq = 0;

    const showActive = (active: ActiveEnvironmentInfo) => {
      const changed = get().active?.name !== active.name || get().identityStatus === 'unknown';
      set(({ environments }) => ({
        active,
        environments: environments.some((known) => known.name === active.name)
          ? environments.map((known) => (known.name === active.name ? active : known))
          : [...environments, active],
      }));
      if (changed) void get().loadIdentity();
    };

    return {
      environments: [],
      active: null,
      problems: [],
      identity: null,
      identityStatus: 'unknown',
      identityError: null,
      switching: false,

      async load() {
        const result = await api.env.list();
        if (!result.ok) return report(result.error);
        const { environments, active, problems } = result.value;
        set({ environments, problems });
        const activeInfo = environments.find((environment) => environment.name === active);
        if (activeInfo) showActive(activeInfo);
        else report(`There is no environment named "${active}". Pick one in the header.`);
      },

      async activate(name) {
        if (get().switching || name === get().active?.name) return;
        set({ switching: true });
        const result = await api.env.activate({ name });
        set({ switching: false });
        if (result.ok) showActive(result.value);
        else report(result.error);
      },

      async loadIdentity() {
        const seq = ++identitySeq;
        set({ identity: null, identityStatus: 'loading', identityError: null });
        const result = await api.env.identity();
        if (seq !== identitySeq) return;
        if (result.ok) {
          set({ identity: result.value, identityStatus: 'known' });
          return;
        }
        set({ identityStatus: 'failed', identityError: result.error.message });
        report(result.error);
      },

      start() {
        const stop = api.env.onChanged(showActive);
        void get().load();
        return stop;
      },
    };
  });
}
