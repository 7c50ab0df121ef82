import { describe, expect, it } from 'vitest';
import type { MfaPrompt, SsoLoginPrompt } from '../../shared/ipc/channels/environments';
import { settle } from '../testing/fakeApi';
import { createNoticeStore } from '../stores/noticeStore';
import { createCredentialPromptStore } from './credentialPromptStore';
import { createFakeEnvApi } from './testing/fakeEnvApi';

const mfaPrompt: MfaPrompt = {
  requestId: 'mfa-1',
  environment: 'prod',
  serialNumber: 'arn:aws:iam::123456789012:mfa/alice',
};

const ssoLogin: SsoLoginPrompt = {
  loginId: 'login-1',
  environment: 'prod',
  userCode: 'WDKQ-TRLP',
  verificationUri: 'https://device.sso.eu-central-1.amazonaws.com/?user_code=WDKQ-TRLP',
  expiresAt: Date.parse('2026-12-03T10:10:00Z'),
  canOpen: false,
};

function setUp() {
  const fake = createFakeEnvApi();
  const notices = createNoticeStore();
  const store = createCredentialPromptStore(fake.api, notices.getState().report);
  const messages = () => notices.getState().notices.map((notice) => notice.message);
  return { ...fake, store, messages };
}

describe('prompts the main process waits on', () => {
  it('shows an MFA request as it arrives and drops it once settled', async () => {
    const { store, emit } = setUp();
    store.getState().start();
    await settle();

    emit.mfaRequested(mfaPrompt);
    expect(store.getState().mfa).toEqual([mfaPrompt]);

    emit.mfaSettled('mfa-1');
    expect(store.getState().mfa).toEqual([]);
  });

  it('loads the prompts asked before this window listened', async () => {
    const { store, env } = setUp();
    env.prompts.mockReturnValueOnce(
      Promise.resolve({ ok: true, value: { mfa: [mfaPrompt], ssoLogins: [ssoLogin] } }),
    );

    store.getState().start();
    await settle();

    expect(store.getState()).toMatchObject({ mfa: [mfaPrompt], ssoLogins: [ssoLogin] });
  });

  it('stops listening when stopped', () => {
    const { store, listening } = setUp();
    const stop = store.getState().start();
    expect(listening()).toBe(4);

    stop();

    expect(listening()).toBe(0);
  });
});

describe('answering', () => {
  it('sends the MFA code for the request it answers', async () => {
    const { store, env } = setUp();

    await store.getState().answerMfa('mfa-1', '123456');

    expect(env.answerMfa).toHaveBeenCalledWith({ requestId: 'mfa-1', code: '123456' });
    expect(store.getState().sending).toBe(false);
  });

  it('reports an answer the main process refused', async () => {
    const { store, env, messages } = setUp();
    env.cancelSsoLogin.mockReturnValueOnce(
      Promise.resolve({
        ok: false,
        error: { code: 'not-found', message: 'That sign-in has already ended.' },
      }),
    );

    await store.getState().cancelSsoLogin('login-1');

    expect(messages()).toEqual(['That sign-in has already ended.']);
  });
});

describe('sign-ins that end', () => {
  it('drops a sign-in that ended, and reports one that failed', async () => {
    const { store, emit, messages } = setUp();
    store.getState().start();
    await settle();
    emit.ssoLogin(ssoLogin);
    emit.ssoLogin({ ...ssoLogin, loginId: 'login-2' });

    emit.ssoLoginEnded({ loginId: 'login-1', outcome: 'signed-in' });
    emit.ssoLoginEnded({
      loginId: 'login-2',
      outcome: 'failed',
      message: 'The sign-in was refused in the browser. Sign in again.',
    });

    expect(store.getState().ssoLogins).toEqual([]);
    expect(messages()).toEqual(['The sign-in was refused in the browser. Sign in again.']);
  });
});
