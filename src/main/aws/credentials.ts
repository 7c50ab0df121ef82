import { fromIni } from '@aws-sdk/credential-providers';
import { OpsdeskError } from '../../shared/result';
import { readSsoSignIn, type SsoSignIn } from './ssoProfile';
import { ensureSsoSignIn, type DeviceLoginDependencies } from './ssoLogin';

/** Temporary or long-term AWS keys, as the SDK's providers return them. */
export interface AwsIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** A function the SDK calls for credentials; it may be called by every client at once. */
export type AwsIdentityProvider = () => Promise<AwsIdentity>;

/** Asks the user for the current code of an MFA device; the UI supplies it. */
export type MfaCodeProvider = (mfaSerial: string) => Promise<string>;

/** Credentials are renewed this long before they expire. */
export const CREDENTIAL_REFRESH_MARGIN_MS = 5 * 60_000;

/** Where credentials come from and what may be asked of the user on the way. */
export interface ProfileCredentialOptions {
  /** A profile of the AWS shared config files; `default` when omitted. */
  profile?: string;
  /** Asked for an MFA code when the profile assumes a role that requires one. */
  mfaCodeProvider?: MfaCodeProvider;
  /**
   * How to run the Identity Center device login when the token is missing.
   *
   * Without it, an SSO profile whose token has expired fails with a message
   * asking the user to sign in again.
   */
  ssoLogin?: DeviceLoginDependencies;
  /** The SDK's provider chain for a profile; tests pass a fake. */
  resolveProfile?: (profile: string, mfaCodeProvider?: MfaCodeProvider) => AwsIdentityProvider;
  /** Finds the Identity Center sign-in of a profile; tests pass a fake. */
  readSignIn?: (profile: string) => Promise<SsoSignIn | undefined>;
  now?: () => number;
}

/**
 * Builds the credential provider for a shared-config profile.
 *
 * The SDK's own providers do the work (static keys, credential_process,
 * assume-role with MFA, Identity Center); this adds one shared cache so six
 * clients ask for one MFA code, renewal before expiry, and the Identity
 * Center device login. Credentials stay in memory only and are never logged.
 */
export function profileCredentialProvider(options: ProfileCredentialOptions): AwsIdentityProvider {
  const profile = options.profile ?? 'default';
  const now = options.now ?? Date.now;
  const resolveProfile = options.resolveProfile ?? sdkProfileProvider;
  const readSignIn = options.readSignIn ?? ((name: string) => readSsoSignIn(name));
  let cached: AwsIdentity | undefined;
  let pending: Promise<AwsIdentity> | undefined;

  const resolve = async (): Promise<AwsIdentity> => {
    const signIn = await readSignIn(profile);
    if (signIn && options.ssoLogin) await ensureSsoSignIn(signIn, options.ssoLogin);
    const identity = await resolveProfile(profile, options.mfaCodeProvider)();
    if (!identity.accessKeyId || !identity.secretAccessKey) {
      throw new OpsdeskError('aws', `Profile "${profile}" gave no usable AWS credentials.`);
    }
    return identity;
  };

  return async () => {
    if (cached && !needsRefresh(cached, now())) return cached;
    pending ??= resolve()
      .then((identity) => {
        cached = identity;
        return identity;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

/** Whether credentials expire within the refresh margin. */
export function needsRefresh(identity: AwsIdentity, now: number): boolean {
  if (!identity.expiration) return false;
  return identity.expiration.getTime() - CREDENTIAL_REFRESH_MARGIN_MS <= now;
}

function sdkProfileProvider(
  profile: string,
  mfaCodeProvider?: MfaCodeProvider,
): AwsIdentityProvider {
  // ignoreCache: re-read the files on every renewal, so a fresh SSO token or
  // edited profile is seen without restarting Opsdesk.
  return fromIni({ profile, mfaCodeProvider, ignoreCache: true }) as AwsIdentityProvider;
}
