import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { OpsdeskError } from '../../shared/result';
import { createLogger } from '../logger';
import { sleepUnlessAborted } from './awsCall';
import type { SsoSignIn } from './ssoProfile';
import {
  readValidSsoToken,
  ssoCacheFolder,
  writeSsoToken,
  type SsoCachedToken,
} from './ssoTokenCache';

const logger = createLogger('aws-sso');

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** A token that expires within this margin is renewed before it is used. */
export const SSO_TOKEN_MARGIN_MS = 5 * 60_000;

/** What the device login needs from outside: the browser, the clock, the OIDC client. */
export interface DeviceLoginDependencies {
  /** Opens the verification page in the system browser. */
  openUrl: (url: string) => Promise<void> | void;
  /** Shows the code the user must see on the verification page, and when it expires (ms). */
  onUserCode?: (userCode: string, verificationUrl: string, expiresAt: number) => void;
  /** Builds the OIDC client for the Identity Center region; tests pass a mocked one. */
  createOidcClient?: (region: string) => SSOOIDCClient;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** The AWS CLI's token cache folder; tests point it elsewhere. */
  cacheFolder?: string;
}

/**
 * Returns a valid Identity Center token, signing in with the device flow if needed.
 *
 * The token is cached where the AWS CLI caches it, so the SDK's own SSO
 * provider finds it and the user signs in once for the CLI and Opsdesk.
 */
export async function ensureSsoSignIn(
  signIn: SsoSignIn,
  dependencies: DeviceLoginDependencies,
): Promise<SsoCachedToken> {
  const now = dependencies.now ?? Date.now;
  const cacheFolder = dependencies.cacheFolder ?? ssoCacheFolder();
  const cached = await readValidSsoToken(signIn, now(), SSO_TOKEN_MARGIN_MS, cacheFolder);
  if (cached) return cached;

  const token = await runDeviceLogin(signIn, dependencies);
  await writeSsoToken(signIn, token, cacheFolder);
  return token;
}

/**
 * Runs the OAuth device authorisation against IAM Identity Center.
 *
 * Register a client, start the device authorisation, open the verification
 * page, then poll for the token at the interval the service asks for.
 */
export async function runDeviceLogin(
  signIn: SsoSignIn,
  dependencies: DeviceLoginDependencies,
): Promise<SsoCachedToken> {
  const now = dependencies.now ?? Date.now;
  const sleep = dependencies.sleep ?? sleepUnlessAborted;
  const signal = dependencies.signal;
  const oidc =
    dependencies.createOidcClient?.(signIn.region) ?? new SSOOIDCClient({ region: signIn.region });

  const registration = await oidc.send(
    new RegisterClientCommand({
      clientName: 'opsdesk',
      clientType: 'public',
      ...(signIn.scopes.length > 0 ? { scopes: signIn.scopes } : {}),
    }),
    { abortSignal: signal },
  );
  const clientId = required(registration.clientId, 'RegisterClient', 'clientId');
  const clientSecret = required(registration.clientSecret, 'RegisterClient', 'clientSecret');

  const authorization = await oidc.send(
    new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: signIn.startUrl }),
    { abortSignal: signal },
  );
  const deviceCode = required(authorization.deviceCode, 'StartDeviceAuthorization', 'deviceCode');
  const verificationUrl = required(
    authorization.verificationUriComplete ?? authorization.verificationUri,
    'StartDeviceAuthorization',
    'verificationUri',
  );
  const deadline = now() + (authorization.expiresIn ?? 600) * 1000;
  let intervalMs = (authorization.interval ?? 5) * 1000;

  logger.info(`opening the IAM Identity Center sign-in page for ${signIn.startUrl}`);
  dependencies.onUserCode?.(authorization.userCode ?? '', verificationUrl, deadline);
  await dependencies.openUrl(verificationUrl);

  while (now() < deadline) {
    await sleep(intervalMs, signal).catch(() => {
      throw new OpsdeskError('cancelled', 'Sign-in was cancelled.');
    });
    try {
      const created = await oidc.send(
        new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_GRANT, deviceCode }),
        { abortSignal: signal },
      );
      return {
        startUrl: signIn.startUrl,
        region: signIn.region,
        accessToken: required(created.accessToken, 'CreateToken', 'accessToken'),
        expiresAt: new Date(now() + (created.expiresIn ?? 3600) * 1000).toISOString(),
        clientId,
        clientSecret,
        ...(registration.clientSecretExpiresAt
          ? {
              registrationExpiresAt: new Date(
                registration.clientSecretExpiresAt * 1000,
              ).toISOString(),
            }
          : {}),
        ...(created.refreshToken ? { refreshToken: created.refreshToken } : {}),
      };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'AuthorizationPendingException') continue;
      if (name === 'SlowDownException') {
        intervalMs += 5_000;
        continue;
      }
      throw signInFailure(error);
    }
  }
  throw new OpsdeskError('aws', 'The sign-in page was not confirmed in time. Sign in again.');
}

function signInFailure(error: unknown): OpsdeskError {
  const name = (error as Error).name;
  if (signalLike(error)) return new OpsdeskError('cancelled', 'Sign-in was cancelled.');
  if (name === 'AccessDeniedException') {
    return new OpsdeskError('aws', 'The sign-in was refused in the browser. Sign in again.');
  }
  if (name === 'ExpiredTokenException') {
    return new OpsdeskError('aws', 'The sign-in page was not confirmed in time. Sign in again.');
  }
  return new OpsdeskError('aws', `IAM Identity Center sign-in failed: ${(error as Error).message}`);
}

function signalLike(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'AbortError';
}

function required<T>(value: T | undefined, operation: string, field: string): T {
  if (value === undefined || value === null || value === '') {
    throw new OpsdeskError('aws', `IAM Identity Center answered ${operation} without ${field}.`);
  }
  return value;
}
