import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SsoSignIn } from './ssoProfile';

/**
 * An Identity Center access token in the AWS CLI's cache format.
 *
 * Opsdesk writes it where the CLI and the SDK look, so a sign-in in one is a
 * sign-in in all of them, and Opsdesk's own files never hold a token.
 */
export interface SsoCachedToken {
  startUrl: string;
  region: string;
  accessToken: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
  refreshToken?: string;
}

/** The folder the AWS CLI caches Identity Center tokens in. */
export function ssoCacheFolder(homeFolder: string = os.homedir()): string {
  return path.join(homeFolder, '.aws', 'sso', 'cache');
}

/** The cache file of a sign-in: the SHA-1 of the session name, or of the start URL. */
export function ssoTokenFilePath(signIn: SsoSignIn, cacheFolder = ssoCacheFolder()): string {
  const key = signIn.sessionName ?? signIn.startUrl;
  const digest = createHash('sha1').update(key, 'utf8').digest('hex');
  return path.join(cacheFolder, `${digest}.json`);
}

/**
 * The cached token of a sign-in if it stays valid for at least `marginMs`.
 *
 * A token about to expire counts as missing, so a long workflow does not lose
 * its credentials halfway.
 */
export async function readValidSsoToken(
  signIn: SsoSignIn,
  now: number,
  marginMs: number,
  cacheFolder = ssoCacheFolder(),
): Promise<SsoCachedToken | undefined> {
  let token: SsoCachedToken;
  try {
    token = JSON.parse(await readFile(ssoTokenFilePath(signIn, cacheFolder), 'utf8'));
  } catch {
    return undefined;
  }
  const expiresAt = Date.parse(token.expiresAt);
  if (!token.accessToken || Number.isNaN(expiresAt) || expiresAt - marginMs <= now)
    return undefined;
  return token;
}

/** Writes a token to the cache, readable only by the user, replacing the file atomically. */
export async function writeSsoToken(
  signIn: SsoSignIn,
  token: SsoCachedToken,
  cacheFolder = ssoCacheFolder(),
): Promise<string> {
  const filePath = ssoTokenFilePath(signIn, cacheFolder);
  await mkdir(cacheFolder, { recursive: true, mode: 0o700 });
  const temporary = `${filePath}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(token, null, 2), { mode: 0o600 });
  await rename(temporary, filePath);
  return filePath;
}
