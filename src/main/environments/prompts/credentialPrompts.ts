import type { CredentialPromptList } from '../../../shared/ipc/channels/environments';
import { createMfaPrompts, type MfaPromptOptions, type MfaPrompts } from './mfaPrompts';
import {
  createSsoLoginPrompts,
  type SsoLoginPromptOptions,
  type SsoLoginPrompts,
} from './ssoLoginPrompts';

/** Everything the main process may have to ask the user while getting credentials. */
export interface CredentialPrompts {
  mfa: MfaPrompts;
  sso: SsoLoginPrompts;
  /** The prompts still waiting, for a window that opens after they were asked. */
  pending(): CredentialPromptList;
}

/** Options of both kinds of prompt. */
export type CredentialPromptOptions = MfaPromptOptions & SsoLoginPromptOptions;

/** Creates the MFA and IAM Identity Center prompts of one app. */
export function createCredentialPrompts(options: CredentialPromptOptions = {}): CredentialPrompts {
  const mfa = createMfaPrompts(options);
  const sso = createSsoLoginPrompts(options);
  return {
    mfa,
    sso,
    pending: () => ({ mfa: mfa.pending(), ssoLogins: sso.pending() }),
  };
}
