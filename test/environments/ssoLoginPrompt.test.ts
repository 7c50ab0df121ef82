import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SsoLoginPrompt } from '../../src/shared/ipc/channels/environments';
import type { SsoSignIn } from '../../src/main/aws/ssoProfile';
import { ssoTokenFilePath } from '../../src/main/aws/ssoTokenCache';
import { createCredentialPrompts } from '../../src/main/environments/prompts/credentialPrompts';
import { promptedCredentials } from '../../src/main/environments/prompts/promptedCredentials';
import { awsError } from '../aws/fakes';
import { profileEnvironment, rendererOf } from './promptHarness';

const oidcMock = mockClient(SSOOIDCClient);

const signIn: SsoSignIn = {
  sessionName: 'company',
  startUrl: 'https://company.awsapps.com/start',
  region: 'eu-central-1',
  scopes: ['sso:account:access'],
};
const PAGE = 'https://device.sso.eu-central-1.amazonaws.com/?user_code=WDKQ-TRLP';
const START = Date.parse('2026-12-03T10:00:00Z');

let cacheFolder: string;
let clock: number;
/** Lets the login's current pause end; the login polls once per pause. */
let endPause: () => void;
let pauses: number;

beforeEach(async () => {
  oidcMock.reset();
  cacheFolder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-sso-prompt-'));
  clock = START;
  endPause = () => undefined;
  pauses = 0;
  oidcMock.on(RegisterClientCommand).resolves({ clientId: 'client-1', clientSecret: 'secret-1' });
  oidcMock.on(StartDeviceAuthorizationCommand).resolves({
    deviceCode: 'device-1',
    userCode: 'WDKQ-TRLP',
    verificationUri: 'https://device.sso.eu-central-1.amazonaws.com/',
    verificationUriComplete: PAGE,
    expiresIn: 600,
    interval: 5,
  });
});

afterEach(async () => {
  await rm(cacheFolder, { recursive: true, force: true });
});

/** Pauses until the test ends them, or until the login is cancelled. */
function pauseUntilEnded(ms: number, signal?: AbortSignal): Promise<void> {
  pauses += 1;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    endPause = () => {
      clock += ms;
      resolve();
    };
  });
}

function setUp(openExternal?: (url: string) => Promise<void>) {
  const prompts = createCredentialPrompts({
    openExternal,
    deviceLogin: {
      createOidcClient: (region) => new SSOOIDCClient({ region }),
      now: () => clock,
      sleep: pauseUntilEnded,
      cacheFolder,
    },
  });
  const renderer = rendererOf(prompts);
  const resolveProfile = vi.fn(() => async () => ({
    accessKeyId: 'ASIASSO',
    secretAccessKey: 'sso-secret',
  }));
  const credentials = promptedCredentials(profileEnvironment('prod', 'company-admin'), prompts, {
    readSignIn: async () => signIn,
    resolveProfile,
  });
  const waitForLogin = () =>
    vi.waitFor(() => {
      const [login] = renderer.events('env:ssoLogin') as SsoLoginPrompt[];
      if (!login) throw new Error('no sign-in on show yet');
      return login;
    });
  return { renderer, credentials, resolveProfile, waitForLogin };
}

describe('IAM Identity Center sign-in run by Opsdesk when the token is missing', () => {
  it('shows the code and page, opens the page in the system browser, and ends once signed in', async () => {
    const openExternal = vi.fn(async (_url: string) => undefined);
    const { renderer, credentials, waitForLogin } = setUp(openExternal);
    oidcMock
      .on(CreateTokenCommand)
      .rejectsOnce(awsError('AuthorizationPendingException', 'pending'))
      .resolves({ accessToken: 'sso-token', expiresIn: 28_800 });

    const resolving = credentials();
    const login = await waitForLogin();

    expect(login).toEqual({
      loginId: expect.any(String),
      environment: 'prod',
      userCode: 'WDKQ-TRLP',
      verificationUri: PAGE,
      expiresAt: START + 600_000,
      canOpen: true,
    });
    expect(openExternal).toHaveBeenCalledWith(PAGE);
    expect(await renderer.request('env:prompts', {})).toEqual({
      ok: true,
      value: { mfa: [], ssoLogins: [login] },
    });

    await vi.waitFor(() => expect(pauses).toBe(1));
    expect(oidcMock.commandCalls(CreateTokenCommand)).toHaveLength(0);
    endPause();
    await vi.waitFor(() => expect(pauses).toBe(2));
    expect(oidcMock.commandCalls(CreateTokenCommand)).toHaveLength(1);
    endPause();

    expect((await resolving).accessKeyId).toBe('ASIASSO');
    expect(renderer.events('env:ssoLoginEnded')).toEqual([
      { loginId: login.loginId, outcome: 'signed-in' },
    ]);
    const cached = JSON.parse(await readFile(ssoTokenFilePath(signIn, cacheFolder), 'utf8'));
    expect(cached).toMatchObject({ accessToken: 'sso-token', startUrl: signIn.startUrl });
  });

  it('opens the page again when the user asks, in the desktop app', async () => {
    const openExternal = vi.fn(async (_url: string) => undefined);
    const { renderer, credentials, waitForLogin } = setUp(openExternal);
    const resolving = credentials().catch((error: unknown) => error);
    const login = await waitForLogin();

    expect(await renderer.request('env:openSsoPage', { loginId: login.loginId })).toEqual({
      ok: true,
      value: null,
    });
    expect(openExternal.mock.calls).toEqual([[PAGE], [PAGE]]);

    await renderer.request('env:cancelSsoLogin', { loginId: login.loginId });
    await resolving;
  });

  it('leaves the page to a link in browser mode, where it cannot open programs', async () => {
    const { renderer, credentials, waitForLogin } = setUp();
    const resolving = credentials().catch((error: unknown) => error);
    const login = await waitForLogin();

    expect(login.canOpen).toBe(false);
    expect(await renderer.request('env:openSsoPage', { loginId: login.loginId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });

    await renderer.request('env:cancelSsoLogin', { loginId: login.loginId });
    await resolving;
  });
});

describe('a sign-in that does not complete', () => {
  it('stops polling when the user cancels, and fails the credentials as cancelled', async () => {
    const { renderer, credentials, resolveProfile, waitForLogin } = setUp();
    oidcMock.on(CreateTokenCommand).rejects(awsError('AuthorizationPendingException', 'pending'));
    const resolving = credentials();
    const login = await waitForLogin();

    await renderer.request('env:cancelSsoLogin', { loginId: login.loginId });

    await expect(resolving).rejects.toMatchObject({
      code: 'cancelled',
      message: 'Sign-in was cancelled.',
    });
    expect(oidcMock.commandCalls(CreateTokenCommand)).toHaveLength(0);
    expect(resolveProfile).not.toHaveBeenCalled();
    expect(renderer.events('env:ssoLoginEnded')).toEqual([
      { loginId: login.loginId, outcome: 'cancelled' },
    ]);
  });

  it('ends as failed with the reason when the sign-in is refused in the browser', async () => {
    const { renderer, credentials, waitForLogin } = setUp();
    oidcMock.on(CreateTokenCommand).rejects(awsError('AccessDeniedException', 'denied'));
    const resolving = credentials();
    const login = await waitForLogin();

    await vi.waitFor(() => expect(pauses).toBe(1));
    endPause();

    await expect(resolving).rejects.toMatchObject({ code: 'aws' });
    expect(renderer.events('env:ssoLoginEnded')).toEqual([
      {
        loginId: login.loginId,
        outcome: 'failed',
        message: 'The sign-in was refused in the browser. Sign in again.',
      },
    ]);
    expect(await renderer.request('env:prompts', {})).toEqual({
      ok: true,
      value: { mfa: [], ssoLogins: [] },
    });
  });
});
