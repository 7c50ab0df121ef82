import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureSsoSignIn, type DeviceLoginDependencies } from '../../src/main/aws/ssoLogin';
import type { SsoSignIn } from '../../src/main/aws/ssoProfile';
import { ssoTokenFilePath } from '../../src/main/aws/ssoTokenCache';
import { awsError } from './fakes';

const oidcMock = mockClient(SSOOIDCClient);

const signIn: SsoSignIn = {
  sessionName: 'my-sso',
  startUrl: 'https://example.awsapps.com/start',
  region: 'eu-west-1',
  scopes: ['sso:account:access'],
};

// 2026-12-03T10:00:00Z; the fake clock moves forward only when the login sleeps.
const START = Date.parse('2026-12-03T10:00:00Z');

describe('IAM Identity Center device login', () => {
  let cacheFolder: string;
  let clock: number;
  let opened: string[];
  let sleeps: number[];
  let dependencies: DeviceLoginDependencies;

  beforeEach(async () => {
    oidcMock.reset();
    cacheFolder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-sso-'));
    clock = START;
    opened = [];
    sleeps = [];
    dependencies = {
      openUrl: (url) => {
        opened.push(url);
      },
      createOidcClient: (region) => new SSOOIDCClient({ region }),
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      cacheFolder,
    };
    oidcMock.on(RegisterClientCommand).resolves({
      clientId: 'client-1',
      clientSecret: 'secret-1',
      clientSecretExpiresAt: START / 1000 + 90 * 86_400,
    });
    oidcMock.on(StartDeviceAuthorizationCommand).resolves({
      deviceCode: 'device-1',
      userCode: 'ABCD-EFGH',
      verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
      verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
      expiresIn: 600,
      interval: 5,
    });
  });

  afterEach(async () => {
    await rm(cacheFolder, { recursive: true, force: true });
  });

  it('registers, opens the verification page, polls, and caches the token where the AWS CLI does', async () => {
    oidcMock
      .on(CreateTokenCommand)
      .rejectsOnce(awsError('AuthorizationPendingException', 'pending'))
      .rejectsOnce(awsError('SlowDownException', 'slow down'))
      .resolves({ accessToken: 'token-1', expiresIn: 28_800, refreshToken: 'refresh-1' });

    const token = await ensureSsoSignIn(signIn, dependencies);

    expect(opened).toEqual(['https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH']);
    expect(sleeps).toEqual([5_000, 5_000, 10_000]);
    expect(oidcMock.commandCalls(StartDeviceAuthorizationCommand)[0].args[0].input).toEqual({
      clientId: 'client-1',
      clientSecret: 'secret-1',
      startUrl: 'https://example.awsapps.com/start',
    });
    const cachePath = path.join(cacheFolder, '0ad374308c5a4e22f723adf10145eafad7c4031c.json');
    expect(ssoTokenFilePath(signIn, cacheFolder)).toBe(cachePath);
    const cached = JSON.parse(await readFile(cachePath, 'utf8'));
    expect(cached).toEqual(token);
    expect(cached).toMatchObject({
      startUrl: 'https://example.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'token-1',
      expiresAt: '2026-12-03T18:00:20.000Z',
      refreshToken: 'refresh-1',
      clientId: 'client-1',
    });
    expect((await stat(cachePath)).mode & 0o777).toBe(0o600);
  });

  it('uses a cached token that is still valid without asking the user', async () => {
    await writeFile(
      ssoTokenFilePath(signIn, cacheFolder),
      JSON.stringify({
        startUrl: signIn.startUrl,
        region: signIn.region,
        accessToken: 'cached',
        expiresAt: '2026-12-03T12:00:00Z',
      }),
    );

    const token = await ensureSsoSignIn(signIn, dependencies);

    expect(token.accessToken).toBe('cached');
    expect(opened).toEqual([]);
    expect(oidcMock.calls()).toHaveLength(0);
  });

  it('signs in again when the cached token expires within five minutes', async () => {
    await writeFile(
      ssoTokenFilePath(signIn, cacheFolder),
      JSON.stringify({ accessToken: 'stale', expiresAt: '2026-12-03T10:04:00Z' }),
    );
    oidcMock.on(CreateTokenCommand).resolves({ accessToken: 'fresh', expiresIn: 3_600 });

    const token = await ensureSsoSignIn(signIn, dependencies);

    expect(token.accessToken).toBe('fresh');
    expect(opened).toHaveLength(1);
  });

  it('keys the cache by start URL for profiles without an sso-session', () => {
    const legacy = {
      startUrl: 'https://example.awsapps.com/start',
      region: 'eu-west-1',
      scopes: [],
    };

    expect(path.basename(ssoTokenFilePath(legacy, cacheFolder))).toBe(
      'e8be5486177c5b5392bd9aa76563515b29358e6e.json',
    );
  });

  it('fails with a clear message when the user refuses in the browser', async () => {
    oidcMock.on(CreateTokenCommand).rejects(awsError('AccessDeniedException', 'denied'));

    await expect(ensureSsoSignIn(signIn, dependencies)).rejects.toMatchObject({
      code: 'aws',
      message: 'The sign-in was refused in the browser. Sign in again.',
    });
  });

  it('gives up when the page is not confirmed before the device code expires', async () => {
    oidcMock.on(CreateTokenCommand).rejects(awsError('AuthorizationPendingException', 'pending'));

    await expect(ensureSsoSignIn(signIn, dependencies)).rejects.toMatchObject({
      message: 'The sign-in page was not confirmed in time. Sign in again.',
    });
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(600_000);
  });
});
