import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileCredentialProvider, type AwsIdentity } from '../../src/main/aws/credentials';
import { parseIniSections, ssoSignInFromConfig } from '../../src/main/aws/ssoProfile';
import { ssoTokenFilePath } from '../../src/main/aws/ssoTokenCache';

const MINUTE = 60_000;

describe('credentials from the SDK providers of a shared-config profile', () => {
  let folder: string;
  const saved = { ...process.env };

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-cred-'));
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(folder, 'credentials');
    process.env.AWS_CONFIG_FILE = path.join(folder, 'config');
  });

  afterEach(async () => {
    process.env = { ...saved };
    await rm(folder, { recursive: true, force: true });
  });

  it('reads static keys of the named profile', async () => {
    await writeFile(
      path.join(folder, 'credentials'),
      '[ops]\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = static-secret\n',
    );
    await writeFile(path.join(folder, 'config'), '');

    const identity = await profileCredentialProvider({ profile: 'ops' })();

    expect(identity.accessKeyId).toBe('AKIDSTATIC');
    expect(identity.secretAccessKey).toBe('static-secret');
  });

  it('runs the credential_process of the profile', async () => {
    const script = path.join(folder, 'issue-keys.cjs');
    await writeFile(
      script,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDPROCESS',
        SecretAccessKey: 'process-secret', SessionToken: 'session',
        Expiration: '2099-01-01T00:00:00Z' }));`,
    );
    await writeFile(path.join(folder, 'credentials'), '');
    await writeFile(
      path.join(folder, 'config'),
      `[profile tool]\ncredential_process = "${process.execPath}" "${script}"\n`,
    );

    const identity = await profileCredentialProvider({ profile: 'tool' })();

    expect(identity).toMatchObject({ accessKeyId: 'AKIDPROCESS', sessionToken: 'session' });
    expect(identity.expiration?.toISOString()).toBe('2099-01-01T00:00:00.000Z');
  });
});

describe('sharing and renewing credentials', () => {
  function temporaryKeys(expiresAt: number, serial: number): AwsIdentity {
    return {
      accessKeyId: `ASIA${serial}`,
      secretAccessKey: 'temporary',
      sessionToken: 'session',
      expiration: new Date(expiresAt),
    };
  }

  it('asks for one MFA code however many clients ask for credentials at once', async () => {
    const mfaRequests: string[] = [];
    let resolutions = 0;
    const provider = profileCredentialProvider({
      profile: 'admin-mfa',
      mfaCodeProvider: async (serial) => {
        mfaRequests.push(serial);
        return '123456';
      },
      readSignIn: async () => undefined,
      resolveProfile: (_profile, mfaCodeProvider) => async () => {
        resolutions += 1;
        await mfaCodeProvider?.('arn:aws:iam::123456789012:mfa/ana');
        return temporaryKeys(Date.now() + 60 * MINUTE, resolutions);
      },
    });

    const identities = await Promise.all([provider(), provider(), provider()]);

    expect(new Set(identities.map((identity) => identity.accessKeyId))).toEqual(new Set(['ASIA1']));
    expect(mfaRequests).toEqual(['arn:aws:iam::123456789012:mfa/ana']);
  });

  it('renews credentials five minutes before they expire, not earlier', async () => {
    let now = 0;
    let resolutions = 0;
    const provider = profileCredentialProvider({
      readSignIn: async () => undefined,
      now: () => now,
      resolveProfile: () => async () => {
        resolutions += 1;
        return temporaryKeys(now + 60 * MINUTE, resolutions);
      },
    });

    await provider();
    now = 54 * MINUTE;
    const beforeMargin = await provider();
    now = 55 * MINUTE;
    const insideMargin = await provider();

    expect(beforeMargin.accessKeyId).toBe('ASIA1');
    expect(insideMargin.accessKeyId).toBe('ASIA2');
  });

  it('checks the Identity Center token before resolving an SSO profile, opening no browser while it is valid', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-cred-sso-'));
    const signIn = {
      sessionName: 'corp',
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-west-1',
      scopes: [],
    };
    await writeFile(
      ssoTokenFilePath(signIn, folder),
      JSON.stringify({ accessToken: 'valid', expiresAt: '2099-01-01T00:00:00Z' }),
    );
    const order: string[] = [];

    const provider = profileCredentialProvider({
      profile: 'corp-admin',
      readSignIn: async (profile) => {
        order.push(`read sign-in of ${profile}`);
        return signIn;
      },
      ssoLogin: { cacheFolder: folder, openUrl: () => void order.push('opened browser') },
      resolveProfile: () => async () => {
        order.push('resolved profile');
        return temporaryKeys(Date.now() + 60 * MINUTE, 1);
      },
    });
    await provider();
    await rm(folder, { recursive: true, force: true });

    expect(order).toEqual(['read sign-in of corp-admin', 'resolved profile']);
  });
});

describe('finding the Identity Center sign-in of a profile', () => {
  const config = parseIniSections(
    [
      '[default]',
      'region = eu-west-1',
      '',
      '[profile corp-admin]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = OpsdeskOperator',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = eu-central-1',
      'sso_registration_scopes = sso:account:access',
      '',
      '[profile old-style]',
      'sso_start_url = https://old.awsapps.com/start',
      'sso_region = us-east-1',
      '',
      '[profile keys]',
      'aws_access_key_id = AKID',
    ].join('\n'),
  );

  it('reads the sso-session a profile names', () => {
    expect(ssoSignInFromConfig(config, 'corp-admin')).toEqual({
      sessionName: 'corp',
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-central-1',
      scopes: ['sso:account:access'],
    });
  });

  it('reads the older settings kept on the profile itself', () => {
    expect(ssoSignInFromConfig(config, 'old-style')).toEqual({
      startUrl: 'https://old.awsapps.com/start',
      region: 'us-east-1',
      scopes: [],
    });
  });

  it('finds none for profiles with keys, and for unknown profiles', () => {
    expect(ssoSignInFromConfig(config, 'keys')).toBeUndefined();
    expect(ssoSignInFromConfig(config, 'default')).toBeUndefined();
    expect(ssoSignInFromConfig(config, 'nobody')).toBeUndefined();
  });
});
