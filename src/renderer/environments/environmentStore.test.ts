import { describe, expect, it } from 'vitest';
import type { CallerIdentityInfo } from '../../shared/ipc/channels/environments';
import type { Result } from '../../shared/result';
import { deferred, settle } from '../testing/fakeApi';
import { createNoticeStore } from '../stores/noticeStore';
import { createEnvironmentStore } from './environmentStore';
import { callerIn, createFakeEnvApi, PROD, SANDBOX } from './testing/fakeEnvApi';

function setUp() {
  const fake = createFakeEnvApi();
  const notices = createNoticeStore();
  const store = createEnvironmentStore(fake.api, notices.getState().report);
  const messages = () => notices.getState().notices.map((notice) => notice.message);
  return { ...fake, store, messages };
}

describe('the active environment in the header', () => {
  it('loads the environments, the active one, and who the caller is there', async () => {
    const { store, env } = setUp();

    store.getState().start();
    await settle();

    expect(store.getState()).toMatchObject({
      environments: [SANDBOX, PROD],
      active: SANDBOX,
      identity: callerIn('123456789012'),
      identityStatus: 'known',
    });
    expect(env.identity).toHaveBeenCalledTimes(1);
  });

  it('keeps the problems of the environments files to show', async () => {
    const { store, env } = setUp();
    const problem = 'environments.json: environment "qa", field cluster: Required';
    env.list.mockReturnValueOnce(
      Promise.resolve({
        ok: true,
        value: { environments: [SANDBOX], active: 'sandbox', problems: [problem] },
      }),
    );

    await store.getState().load();

    expect(store.getState().problems).toEqual([problem]);
  });
});

describe('switching environments', () => {
  it('activates the chosen environment and asks who the caller is there', async () => {
    const { store, env } = setUp();
    await store.getState().load();
    await settle();
    env.identity.mockReturnValueOnce(
      Promise.resolve({ ok: true, value: callerIn('210987654321') }),
    );

    await store.getState().activate('prod');
    await settle();

    expect(env.activate).toHaveBeenCalledWith({ name: 'prod' });
    expect(store.getState().active).toEqual(PROD);
    expect(store.getState().identity?.account).toBe('210987654321');
  });

  it('follows a switch made elsewhere, told by the env:changed event', async () => {
    const { store, emit, env } = setUp();
    store.getState().start();
    await settle();

    emit.changed(PROD);
    await settle();

    expect(store.getState().active).toEqual(PROD);
    expect(env.identity).toHaveBeenCalledTimes(2);
  });

  it('drops a caller identity that answers after the user switched again', async () => {
    const { store, env } = setUp();
    const slowSandbox = deferred<Result<CallerIdentityInfo>>();
    env.identity
      .mockReturnValueOnce(slowSandbox.promise)
      .mockReturnValueOnce(Promise.resolve({ ok: true, value: callerIn('210987654321') }));
    await store.getState().load();

    await store.getState().activate('prod');
    await settle();
    slowSandbox.resolve({ ok: true, value: callerIn('123456789012') });
    await settle();

    expect(store.getState().identity?.account).toBe('210987654321');
  });

  it('shows a failed identity as unknown and reports why', async () => {
    const { store, env, messages } = setUp();
    env.identity.mockReturnValueOnce(
      Promise.resolve({
        ok: false,
        error: { code: 'cancelled', message: 'Signing in to prod was cancelled.' },
      }),
    );

    await store.getState().load();
    await settle();

    expect(store.getState()).toMatchObject({
      identity: null,
      identityStatus: 'failed',
      identityError: 'Signing in to prod was cancelled.',
    });
    expect(messages()).toEqual(['Signing in to prod was cancelled.']);
  });

  it('keeps the active environment when a switch is refused', async () => {
    const { store, env, messages } = setUp();
    await store.getState().load();
    env.activate.mockReturnValueOnce(
      Promise.resolve({
        ok: false,
        error: { code: 'not-found', message: 'There is no environment named "prod".' },
      }),
    );

    await store.getState().activate('prod');

    expect(store.getState().active).toEqual(SANDBOX);
    expect(store.getState().switching).toBe(false);
    expect(messages()).toEqual(['There is no environment named "prod".']);
  });
});
