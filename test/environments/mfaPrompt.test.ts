import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity } from '@smithy/types';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MfaPrompt } from '../../src/shared/ipc/channels/environments';
import type { MfaCodeProvider } from '../../src/main/aws';
import { createCredentialPrompts } from '../../src/main/environments/prompts/credentialPrompts';
import { promptedCredentials } from '../../src/main/environments/prompts/promptedCredentials';
import { profileEnvironment, rendererOf } from './promptHarness';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/OpsdeskOperator';
const MFA_SERIAL = 'arn:aws:iam::123456789012:mfa/alice';

let folder: string;
let assumed: { sourceKey: string; params: Record<string, unknown> }[];

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-mfa-'));
  assumed = [];
  await writeFile(
    path.join(folder, 'config'),
    [
      '[profile ops]',
      `role_arn = ${ROLE_ARN}`,
      'source_profile = base',
      `mfa_serial = ${MFA_SERIAL}`,
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(folder, 'credentials'),
    ['[base]', 'aws_access_key_id = AKIDBASE', 'aws_secret_access_key = base-secret', ''].join(
      '\n',
    ),
  );
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/**
 * The SDK's own profile chain (assume-role with MFA) reading the files above;
 * only the STS AssumeRole call is replaced, by one that records its input.
 */
const sdkProfileChain = (profile: string, mfaCodeProvider?: MfaCodeProvider) =>
  fromIni({
    profile,
    mfaCodeProvider,
    ignoreCache: true,
    filepath: path.join(folder, 'credentials'),
    configFilepath: path.join(folder, 'config'),
    roleAssumer: async (source: AwsCredentialIdentity, params) => {
      assumed.push({ sourceKey: source.accessKeyId, params: { ...params } });
      return {
        accessKeyId: 'ASIAROLE',
        secretAccessKey: 'role-secret',
        sessionToken: 'role-session',
        expiration: new Date(Date.now() + 3_600_000),
      };
    },
  });

function setUp(options: { timeoutMs?: number } = {}) {
  const prompts = createCredentialPrompts(options);
  const renderer = rendererOf(prompts);
  const credentials = promptedCredentials(profileEnvironment('prod', 'ops'), prompts, {
    resolveProfile: sdkProfileChain,
    readSignIn: async () => undefined,
  });
  const waitForPrompt = () =>
    vi.waitFor(() => {
      const [prompt] = renderer.events('env:mfaRequested') as MfaPrompt[];
      if (!prompt) throw new Error('no MFA prompt yet');
      return prompt;
    });
  return { prompts, renderer, credentials, waitForPrompt };
}

describe('assume-role with an MFA code asked for in the UI', () => {
  it('asks the renderer for the code of the profile’s device and assumes the role with it', async () => {
    const { renderer, credentials, waitForPrompt } = setUp();

    const resolving = credentials();
    const prompt = await waitForPrompt();
    expect(prompt).toEqual({
      requestId: expect.any(String),
      environment: 'prod',
      serialNumber: MFA_SERIAL,
    });
    expect(await renderer.request('env:prompts', {})).toEqual({
      ok: true,
      value: { mfa: [prompt], ssoLogins: [] },
    });

    const answer = await renderer.request('env:answerMfa', {
      requestId: prompt.requestId,
      code: '123456',
    });

    expect(answer).toEqual({ ok: true, value: null });
    expect(await resolving).toMatchObject({
      accessKeyId: 'ASIAROLE',
      sessionToken: 'role-session',
    });
    expect(assumed).toEqual([
      {
        sourceKey: 'AKIDBASE',
        params: expect.objectContaining({
          RoleArn: ROLE_ARN,
          SerialNumber: MFA_SERIAL,
          TokenCode: '123456',
        }),
      },
    ]);
    expect(renderer.events('env:mfaSettled')).toEqual([{ requestId: prompt.requestId }]);
    expect(await renderer.request('env:prompts', {})).toEqual({
      ok: true,
      value: { mfa: [], ssoLogins: [] },
    });
  });

  it('asks once for every client that wants credentials at the same time', async () => {
    const { renderer, credentials, waitForPrompt } = setUp();

    const all = Promise.all([credentials(), credentials(), credentials()]);
    const prompt = await waitForPrompt();
    await renderer.request('env:answerMfa', { requestId: prompt.requestId, code: '654321' });

    expect((await all).map((identity) => identity.accessKeyId)).toEqual([
      'ASIAROLE',
      'ASIAROLE',
      'ASIAROLE',
    ]);
    expect(renderer.events('env:mfaRequested')).toHaveLength(1);
    expect(assumed).toHaveLength(1);
  });
});

describe('answers the MFA prompt refuses', () => {
  it('refuses a code that is not six digits and keeps waiting for a good one', async () => {
    const { renderer, credentials, waitForPrompt } = setUp();
    const resolving = credentials();
    const prompt = await waitForPrompt();

    const refused = await renderer.request('env:answerMfa', {
      requestId: prompt.requestId,
      code: '12345',
    });

    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'Invalid env:answerMfa request at code: must be the 6 digits the MFA device shows',
      },
    });
    expect(renderer.events('env:mfaSettled')).toEqual([]);
    await renderer.request('env:answerMfa', { requestId: prompt.requestId, code: '000111' });
    expect((await resolving).accessKeyId).toBe('ASIAROLE');
  });

  it('answers not-found for a prompt that was already settled', async () => {
    const { renderer } = setUp();
    expect(await renderer.request('env:answerMfa', { requestId: 'gone', code: '123456' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That MFA code is no longer asked for.' },
    });
  });
});

describe('an MFA prompt nobody answers', () => {
  it('fails the credentials as cancelled when the user cancels, without assuming the role', async () => {
    const { renderer, credentials, waitForPrompt } = setUp();
    const resolving = credentials();
    const prompt = await waitForPrompt();

    await renderer.request('env:cancelMfa', { requestId: prompt.requestId });

    await expect(resolving).rejects.toMatchObject({
      code: 'cancelled',
      message: 'Signing in to prod was cancelled.',
    });
    expect(assumed).toEqual([]);
    expect(renderer.events('env:mfaSettled')).toEqual([{ requestId: prompt.requestId }]);
  });

  it('gives up after the time allowed, so a sign-in never hangs without a window', async () => {
    const { renderer, credentials } = setUp({ timeoutMs: 30 });

    await expect(credentials()).rejects.toMatchObject({ code: 'cancelled' });
    expect(renderer.events('env:mfaRequested')).toHaveLength(1);
    expect(renderer.events('env:mfaSettled')).toHaveLength(1);
    expect(assumed).toEqual([]);
  });
});
