import { randomUUID } from 'node:crypto';
import type { SsoLoginEnd, SsoLoginPrompt } from '../../../shared/ipc/channels/environments';
import { OpsdeskError } from '../../../shared/result';
import type { DeviceLoginDependencies } from '../../aws';
import { sleepUnlessAborted } from '../../aws/awsCall';
import { createLogger } from '../../logger';
import { createListeners } from './listeners';

const logger = createLogger('sso-prompt');

/** IAM Identity Center device logins shown to the user while they run. */
export interface SsoLoginPrompts {
  /** What the device login needs, for one environment's credentials. */
  dependencies(environment: string): DeviceLoginDependencies;
  /** Ends the environment's login on show, once its credentials arrived or failed. */
  end(environment: string, outcome: SsoLoginEnd['outcome'], message?: string): void;
  /** Opens a login's verification page in the system browser. */
  open(loginId: string): Promise<void>;
  /** Stops waiting for a login; its credentials then fail as cancelled. */
  cancel(loginId: string): void;
  /** The logins still waiting for the user. */
  pending(): SsoLoginPrompt[];
  onStarted(listener: (prompt: SsoLoginPrompt) => void): () => void;
  onEnded(listener: (end: SsoLoginEnd) => void): () => void;
}

/** What the login prompts need from outside. */
export interface SsoLoginPromptOptions {
  /**
   * Opens a page in the system browser; Electron's `shell.openExternal`.
   *
   * Browser mode has none: the page there shows the link for the user to follow.
   */
  openExternal?: (url: string) => Promise<void>;
  /** The OIDC client, clock, pauses and token cache of the device login; tests pass fakes. */
  deviceLogin?: Omit<DeviceLoginDependencies, 'openUrl' | 'onUserCode' | 'signal'>;
  createId?: () => string;
}

interface RunningLogin {
  prompt: SsoLoginPrompt;
  cancelled: AbortController;
}

/**
 * Creates the login prompts: the device login tells the UI the code and page,
 * polls while the user confirms, and stops polling when the user cancels.
 */
export function createSsoLoginPrompts(options: SsoLoginPromptOptions = {}): SsoLoginPrompts {
  const createId = options.createId ?? randomUUID;
  const running = new Map<string, RunningLogin>();
  const started = createListeners<SsoLoginPrompt>();
  const ended = createListeners<SsoLoginEnd>();
  const baseSleep = options.deviceLogin?.sleep ?? sleepUnlessAborted;

  const byEnvironment = (environment: string) =>
    [...running.values()].find((login) => login.prompt.environment === environment);

  const find = (loginId: string): RunningLogin => {
    const login = running.get(loginId);
    if (!login) throw new OpsdeskError('not-found', 'That sign-in has already ended.');
    return login;
  };

  const openPage = async (url: string) => {
    if (!options.openExternal) return;
    if (!url.startsWith('https://')) {
      throw new OpsdeskError('aws', 'IAM Identity Center gave a sign-in page that is not https.');
    }
    await options.openExternal(url);
  };

  const prompts: SsoLoginPrompts = {
    dependencies: (environment) => ({
      ...options.deviceLogin,
      onUserCode(userCode, verificationUri, expiresAt) {
        const prompt: SsoLoginPrompt = {
          loginId: createId(),
          environment,
          userCode,
          verificationUri,
          expiresAt,
          canOpen: options.openExternal !== undefined,
        };
        running.set(prompt.loginId, { prompt, cancelled: new AbortController() });
        logger.info(`waiting for the IAM Identity Center sign-in for ${environment}`);
        started.emit(prompt);
      },
      // The page opens at once where Opsdesk can open it, as the AWS CLI does;
      // a failure to open leaves the link on show rather than failing the login.
      openUrl: (url) =>
        openPage(url).catch((error: unknown) => {
          logger.warn('could not open the sign-in page:', (error as Error).message);
        }),
      sleep(ms, signal) {
        const login = byEnvironment(environment);
        const signals = [signal, login?.cancelled.signal].filter((s) => s !== undefined);
        return baseSleep(ms, signals.length > 0 ? AbortSignal.any(signals) : undefined);
      },
    }),

    end(environment, outcome, message) {
      const login = byEnvironment(environment);
      if (!login) return;
      running.delete(login.prompt.loginId);
      const cancelled = login.cancelled.signal.aborted;
      ended.emit({
        loginId: login.prompt.loginId,
        outcome: cancelled ? 'cancelled' : outcome,
        ...(message && !cancelled ? { message } : {}),
      });
    },

    open: async (loginId) => {
      if (!options.openExternal) {
        throw new OpsdeskError('not-found', 'Open the sign-in link from this page instead.');
      }
      await openPage(find(loginId).prompt.verificationUri);
    },

    cancel(loginId) {
      find(loginId).cancelled.abort();
    },

    pending: () => [...running.values()].map((login) => login.prompt),
    onStarted: started.add,
    onEnded: ended.add,
  };
  return prompts;
}
