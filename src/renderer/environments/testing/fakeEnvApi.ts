import { vi } from 'vitest';
import type { OpsdeskBridge } from '../../../shared/ipc/api';
import type {
  ActiveEnvironmentInfo,
  CallerIdentityInfo,
  CredentialPromptList,
  MfaPrompt,
  SsoLoginEnd,
  SsoLoginPrompt,
} from '../../../shared/ipc/channels/environments';
import type { Result } from '../../../shared/result';

/** The built-in sandbox, as `env:list` describes it. */
export const SANDBOX: ActiveEnvironmentInfo = {
  name: 'sandbox',
  label: 'Sandbox (local, no AWS account)',
  region: 'eu-west-1',
  accountId: '123456789012',
  readOnly: false,
  isSandbox: true,
};

/** A read-only production environment in another region. */
export const PROD: ActiveEnvironmentInfo = {
  name: 'prod',
  label: 'Production',
  region: 'eu-central-1',
  accountId: '210987654321',
  readOnly: true,
  isSandbox: false,
};

/** Who the caller is in an environment, by its account. */
export const callerIn = (account: string): CallerIdentityInfo => ({
  account,
  arn: `arn:aws:sts::${account}:assumed-role/OpsdeskOperator/alice`,
  userId: 'AROAEXAMPLE:alice',
});

const answer = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

type Listener<T> = (payload: T) => void;

/**
 * A fake of `api.env`: spies answering a sandbox-and-prod setup, and
 * `emit` to play the main process sending one of the environment events.
 */
export function createFakeEnvApi() {
  const listeners = {
    changed: new Set<Listener<ActiveEnvironmentInfo>>(),
    mfaRequested: new Set<Listener<MfaPrompt>>(),
    mfaSettled: new Set<Listener<{ requestId: string }>>(),
    ssoLogin: new Set<Listener<SsoLoginPrompt>>(),
    ssoLoginEnded: new Set<Listener<SsoLoginEnd>>(),
  };
  const subscribe =
    <T>(set: Set<Listener<T>>) =>
    (listener: Listener<T>) => {
      set.add(listener);
      return () => set.delete(listener);
    };

  const env = {
    list: vi.fn(() =>
      answer({ environments: [SANDBOX, PROD], active: 'sandbox', problems: [] as string[] }),
    ),
    activate: vi.fn((request?: { name: string }) =>
      answer(request?.name === 'prod' ? PROD : SANDBOX),
    ),
    identity: vi.fn((): Promise<Result<CallerIdentityInfo>> => answer(callerIn('123456789012'))),
    prompts: vi.fn(() => answer<CredentialPromptList>({ mfa: [], ssoLogins: [] })),
    answerMfa: vi.fn((_request?: { requestId: string; code: string }) => answer(null)),
    cancelMfa: vi.fn((_request?: { requestId: string }) => answer(null)),
    openSsoPage: vi.fn((_request?: { loginId: string }) => answer(null)),
    cancelSsoLogin: vi.fn((_request?: { loginId: string }) => answer(null)),
    onChanged: vi.fn(subscribe(listeners.changed)),
    onMfaRequested: vi.fn(subscribe(listeners.mfaRequested)),
    onMfaSettled: vi.fn(subscribe(listeners.mfaSettled)),
    onSsoLogin: vi.fn(subscribe(listeners.ssoLogin)),
    onSsoLoginEnded: vi.fn(subscribe(listeners.ssoLoginEnded)),
  };

  return {
    env,
    api: { env } as unknown as Pick<OpsdeskBridge, 'env'>,
    emit: {
      changed: (info: ActiveEnvironmentInfo) => listeners.changed.forEach((l) => l(info)),
      mfaRequested: (prompt: MfaPrompt) => listeners.mfaRequested.forEach((l) => l(prompt)),
      mfaSettled: (requestId: string) => listeners.mfaSettled.forEach((l) => l({ requestId })),
      ssoLogin: (prompt: SsoLoginPrompt) => listeners.ssoLogin.forEach((l) => l(prompt)),
      ssoLoginEnded: (end: SsoLoginEnd) => listeners.ssoLoginEnded.forEach((l) => l(end)),
    },
    listening: () => Object.values(listeners).reduce((sum, set) => sum + set.size, 0),
  };
}
