// Drives the header's environment switcher and the credentials prompts in
// Debian's Chromium against the built browser-mode server. A standalone
// sandbox serves a second, read-only environment; a fake of the AWS sign-in
// endpoints lets a profile assume a role with MFA and sign in with IAM
// Identity Center without an AWS account.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import {
  startBrowserServerProcess,
  type BrowserServerProcess,
} from '../support/browserServerProcess';
import { collectConsoleErrors, launchChromium, screenshot } from '../support/chromium';
import {
  SIGNED_IN_ARN,
  startFakeSignInServer,
  type FakeSignInServer,
} from '../environments/fakeSignInServer';

const SANDBOX_ARN = 'arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/demo';
const MFA_SERIAL = 'arn:aws:iam::123456789012:mfa/alice';

let browser: Browser;
let folder: string;
let sandbox: RunningSandbox;
let signIn: FakeSignInServer;
let environmentsFile: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-e2e-env-'));
  [browser, sandbox, signIn] = await Promise.all([
    launchChromium(),
    startSandbox({ port: 0 }),
    startFakeSignInServer(),
  ]);
  environmentsFile = await writeSetup();
});

afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close(), signIn?.close()]);
  vi.unstubAllEnvs();
  await rm(folder, { recursive: true, force: true });
});

/**
 * Writes the environments file and the AWS shared config the servers read,
 * and points the servers (spawned with this process's environment) at them.
 */
async function writeSetup(): Promise<string> {
  const file = path.join(folder, 'teams.json');
  const common = { region: 'eu-west-1', accountId: '123456789012', cluster: 'demo-cluster' };
  await writeFile(
    file,
    JSON.stringify({
      environments: [
        {
          ...common,
          name: 'audit',
          label: 'Audit (read-only)',
          readOnly: true,
          credentials: { endpoint: sandbox.endpoint },
        },
        { ...common, name: 'prod', label: 'Production', credentials: { profile: 'ops-mfa' } },
        { ...common, name: 'staging', label: 'Staging', credentials: { profile: 'ops-sso' } },
        { name: 'qa', region: 'eu-west-1' },
      ],
    }),
  );
  await writeFile(
    path.join(folder, 'aws-config'),
    [
      '[profile ops-mfa]',
      'role_arn = arn:aws:iam::123456789012:role/OpsdeskOperator',
      'source_profile = base',
      `mfa_serial = ${MFA_SERIAL}`,
      '[profile ops-sso]',
      'sso_session = company',
      'sso_account_id = 123456789012',
      'sso_role_name = OpsdeskOperator',
      '[sso-session company]',
      'sso_start_url = https://company.awsapps.com/start',
      'sso_region = eu-west-1',
      'sso_registration_scopes = sso:account:access',
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(folder, 'aws-credentials'),
    '[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n',
  );

  // Nothing of the machine's own: config folder, AWS files and token cache all here.
  vi.stubEnv('HOME', folder);
  vi.stubEnv('XDG_CONFIG_HOME', path.join(folder, 'config'));
  vi.stubEnv('AWS_CONFIG_FILE', path.join(folder, 'aws-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(folder, 'aws-credentials'));
  for (const service of ['STS', 'SSO', 'SSO_OIDC']) {
    vi.stubEnv(`AWS_ENDPOINT_URL_${service}`, signIn.endpoint);
  }
  return file;
}

async function openApp(server: BrowserServerProcess) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const consoleErrors = collectConsoleErrors(page);
  await page.goto(server.url);
  return { context, page, consoleErrors };
}

const text = (page: Page, testId: string) =>
  page.locator(`[data-testid=${testId}]`).textContent({ timeout: 15_000 });

/** The caller ARN once STS has answered. */
async function callerArn(page: Page): Promise<string> {
  const caller = page.locator('[data-testid=caller-arn][data-status=known]');
  await caller.waitFor({ timeout: 30_000 });
  return (await caller.textContent()) ?? '';
}

describe('browser mode: the header always shows the active environment', () => {
  let server: BrowserServerProcess;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    server = await startBrowserServerProcess(['--environments', environmentsFile]);
    ({ context, page, consoleErrors } = await openApp(server));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('opens the sandbox: its badge, region, account and caller ARN', async () => {
    expect(await callerArn(page)).toBe(SANDBOX_ARN);
    await screenshot(page, 'environments-1-sandbox');

    expect(await page.locator('[data-testid=environment-select]').inputValue()).toBe('sandbox');
    expect(await text(page, 'sandbox-badge')).toBe('sandbox');
    expect(await text(page, 'environment-region')).toBe('eu-west-1');
    expect(await text(page, 'environment-account')).toBe('123456789012');
    expect(await page.locator('[data-testid=read-only-badge]').count()).toBe(0);
  });

  it('lists the environments of the file, and names the file, environment and field of a broken one', async () => {
    const options = await page
      .locator('[data-testid=environment-select] option')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value));
    expect(options).toEqual(['sandbox', 'audit', 'prod', 'staging']);

    await page.locator('[data-testid=environment-problems] summary').click();
    await screenshot(page, 'environments-2-problems');
    expect(await page.locator('[data-testid=environment-problems] li').allTextContents()).toEqual([
      'teams.json: environment "qa", field cluster: Required',
    ]);
  });

  it('switches to a read-only environment and shows it is read-only', async () => {
    await page.selectOption('[data-testid=environment-select]', 'audit');

    await page.locator('[data-testid=read-only-badge]').waitFor();
    expect(await callerArn(page)).toBe(SANDBOX_ARN);
    await screenshot(page, 'environments-3-read-only');
    expect(await text(page, 'read-only-badge')).toBe('read-only');
    expect(await page.locator('[data-testid=sandbox-badge]').count()).toBe(0);
    expect(await text(page, 'environment-region')).toBe('eu-west-1');
  });

  it('asks for the MFA code when the profile assumes a role with MFA, and signs in with it', async () => {
    await page.selectOption('[data-testid=environment-select]', 'prod');

    const dialog = page.locator('[data-testid=mfa-dialog]');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.textContent()).toContain(MFA_SERIAL);
    await page.fill('[data-testid=mfa-code-input]', '123456');
    await screenshot(page, 'environments-4-mfa');
    await page.click('[data-testid=mfa-submit]');

    expect(await callerArn(page)).toBe(SIGNED_IN_ARN);
    expect(await dialog.count()).toBe(0);
    expect(signIn.mfaCodes).toEqual(['123456']);
  });

  it('runs the IAM Identity Center sign-in itself when the token is missing', async () => {
    await page.selectOption('[data-testid=environment-select]', 'staging');

    const dialog = page.locator('[data-testid=sso-login-dialog]');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await text(page, 'sso-user-code')).toBe('WDKQ-TRLP');
    // A page cannot open the system browser: browser mode offers a link to follow.
    const link = dialog.locator('a.sso-link');
    expect(await link.getAttribute('href')).toBe(
      'https://device.sso.eu-west-1.amazonaws.com/?user_code=WDKQ-TRLP',
    );
    expect(await link.getAttribute('target')).toBe('_blank');
    await screenshot(page, 'environments-5-sso');

    signIn.confirmDeviceLogin();

    expect(await callerArn(page)).toBe(SIGNED_IN_ARN);
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('raised no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('browser mode: --env opens a named environment first', () => {
  it('starts in the read-only environment the command line names', async () => {
    const server = await startBrowserServerProcess([
      '--env',
      'audit',
      '--environments',
      environmentsFile,
    ]);
    const { context, page } = await openApp(server);
    try {
      expect(await callerArn(page)).toBe(SANDBOX_ARN);
      expect(await page.locator('[data-testid=environment-select]').inputValue()).toBe('audit');
      expect(await text(page, 'read-only-badge')).toBe('read-only');
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
