import { profileOf, type Environment } from '../../../shared/environments';
import { OpsdeskError } from '../../../shared/result';
import {
  profileCredentialProvider,
  type AwsIdentityProvider,
  type ProfileCredentialOptions,
} from '../../aws/credentials';
import type { CredentialPrompts } from './credentialPrompts';

/** The SDK's profile chain and sign-in lookup, replaced by fakes in tests. */
export type ProfileResolution = Pick<ProfileCredentialOptions, 'resolveProfile' | 'readSignIn'>;

/**
 * The credentials of a profile-based environment, asking the user through the prompts.
 *
 * An MFA code or an IAM Identity Center sign-in is asked for in the UI; the
 * sign-in on show ends when the credentials arrive or fail, whichever client
 * asked for them.
 */
export function promptedCredentials(
  environment: Environment,
  prompts: CredentialPrompts,
  resolution: ProfileResolution = {},
): AwsIdentityProvider {
  const provider = profileCredentialProvider({
    ...resolution,
    profile: profileOf(environment),
    mfaCodeProvider: prompts.mfa.codeProvider(environment.name),
    ssoLogin: prompts.sso.dependencies(environment.name),
  });

  return async () => {
    try {
      const identity = await provider();
      prompts.sso.end(environment.name, 'signed-in');
      return identity;
    } catch (error) {
      const cancelled = error instanceof OpsdeskError && error.code === 'cancelled';
      prompts.sso.end(environment.name, cancelled ? 'cancelled' : 'failed', messageOf(error));
      throw error;
    }
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
