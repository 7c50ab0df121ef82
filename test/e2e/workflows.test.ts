// Walks the workflows in Debian's Chromium against the built browser-mode
// server and its in-process sandbox: build, approve, deploy, roll back, back
// up, restore, and the failures the sandbox is told to cause.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBrowserServerProcess,
  type BrowserServerProcess,
} from '../support/browserServerProcess';
import { collectConsoleErrors, launchChromium, screenshot } from '../support/chromium';

const RUN_TIMEOUT = 40_000;

let browser: Browser;
let server: BrowserServerProcess;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
let sandbox: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  sandbox = `http://127.0.0.1:${port}`;
  // The server inherits these: a sandbox on a known port, ten times faster, and fresh folders.
  process.env.OPSDESK_SANDBOX_PORT = String(port);
  process.env.OPSDESK_SANDBOX_TIME_SCALE = '0.1';
  process.env.OPSDESK_WORKFLOW_POLL_MS = '250';
  process.env.OPSDESK_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-e2e-data-'));
  process.env.XDG_CONFIG_HOME = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-e2e-config-'));
  await writeReadOnlyEnvironment(process.env.XDG_CONFIG_HOME);

  browser = await launchChromium();
  server = await startBrowserServerProcess();
  context = await browser.newContext({ viewport: { width: 1360, height: 960 } });
  page = await context.newPage();
  consoleErrors = collectConsoleErrors(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Workflows' }).click();
  await page.locator('[data-testid=workflow-item]').first().waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** A read-only view of the same sandbox, as a production profile for support staff would be. */
async function writeReadOnlyEnvironment(configHome: string) {
  const folder = path.join(configHome, 'opsdesk');
  await mkdir(folder, { recursive: true });
  const environment = {
    name: 'prod-view',
    label: 'Production (read-only)',
    region: 'eu-west-1',
    readOnly: true,
    credentials: { endpoint: sandbox },
    cluster: 'demo-cluster',
    services: ['web'],
    workflows: [
      {
        id: 'deploy',
        label: 'Deploy an image',
        kind: 'lambda',
        action: 'deploy',
        functionName: 'opsdesk-deploy',
        parameters: [{ name: 'image', source: 'image' }],
      },
    ],
  };
  await writeFile(
    path.join(folder, 'environments.json'),
    JSON.stringify({ environments: [environment] }),
  );
}

/** Arms a failure of the next run of a sandbox workflow (task family or function name). */
async function failNext(workflow: string, mode: string) {
  const response = await fetch(`${sandbox}/_sandbox/fail-next`, {
    method: 'POST',
    body: JSON.stringify({ workflow, mode }),
  });
  expect(response.status).toBe(200);
}

async function openWorkflow(id: string) {
  await page.locator(`[data-testid=workflow-item][data-workflow=${id}]`).click();
  await page.locator(`[data-testid=workflow-form][data-workflow=${id}]`).waitFor();
}

/** Waits until a list parameter has options, then picks one by value. */
async function pick(parameter: string, value: string) {
  const select = page.locator(`[data-testid=parameter-${parameter}]`);
  await expect.poll(() => select.locator(`option[value="${value}"]`).count()).toBe(1);
  await select.selectOption(value);
}

/** The first option of a list parameter that can be picked. */
async function firstPickable(parameter: string) {
  const options = page.locator(`[data-testid=parameter-${parameter}] option:not([disabled])`);
  await expect.poll(() => options.count()).toBeGreaterThan(1);
  return (await options.nth(1).getAttribute('value')) ?? '';
}

async function review() {
  await page.locator('[data-testid=review-button]').click();
  await page.locator('[data-testid=plan-summary]').waitFor();
}

/** Starts the form's workflow and waits for its run page to show an end. */
async function startAndWait(name: string) {
  await page.locator('[data-testid=start-button]').click();
  const runPage = page.locator('[data-testid=run-page]');
  await runPage.waitFor();
  await expect
    .poll(() => runPage.getAttribute('data-status'), { timeout: RUN_TIMEOUT })
    .not.toBe('running');
  await screenshot(page, `workflows-${name}`);
  return {
    status: await runPage.getAttribute('data-status'),
    message: (await page.locator('[data-testid=run-message]').textContent()) ?? '',
  };
}

async function output(name: string) {
  return page
    .locator(`[data-testid=run-outputs] [data-output=${name}] .output-value`)
    .textContent();
}

async function build(gitRef: string, name: string) {
  await openWorkflow('build');
  await page.fill('[data-testid=parameter-gitRef]', gitRef);
  await review();
  return startAndWait(name);
}

describe('build, approve, deploy, roll back', () => {
  let commitHash: string;
  let imageDigest: string;

  it('builds: the task runs until STOPPED and the run shows the commit and digest it reports', async () => {
    const run = await build('main', 'build');

    expect(run.status).toBe('succeeded');
    commitHash = (await output('commitHash')) ?? '';
    imageDigest = (await output('imageDigest')) ?? '';
    expect(commitHash).toMatch(/^[0-9a-f]{40}$/);
    expect(imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const lines = await page.locator('[data-testid=run-log-line]').allTextContents();
    expect(lines.some((line) => line.includes('Cloning repository (ref main)'))).toBe(true);
    expect(await page.title()).toBe('✔ Build an image succeeded — Opsdesk');
    expect(await page.locator('[data-testid=run-ended-banner]').getAttribute('data-status')).toBe(
      'succeeded',
    );
  });

  it('will not deploy the new image before it is approved', async () => {
    await openWorkflow('deploy');
    const option = page.locator(`[data-testid=parameter-image] option[value="${imageDigest}"]`);
    await option.waitFor({ state: 'attached' });

    expect(await option.isDisabled()).toBe(true);
    expect(await option.textContent()).toContain('Not approved yet');
  });

  it('shows a mismatching reviewed commit unmistakably and refuses to approve it', async () => {
    await page.locator('[data-testid=build-item][data-approved=false]').first().click();
    expect(await page.locator('[data-testid=approval-commit]').textContent()).toBe(commitHash);
    expect(await page.locator('[data-testid=approval-digest]').textContent()).toBe(imageDigest);
    expect(await page.locator('[data-testid=approval-tags]').textContent()).toContain(commitHash);

    const wrong = commitHash.startsWith('f') ? 'aaaaaaa' : 'fffffff';
    await page.fill('[data-testid=reviewed-commit]', wrong);
    const comparison = page.locator('[data-testid=commit-comparison]');
    expect(await comparison.getAttribute('data-outcome')).toBe('mismatch');
    expect(await comparison.textContent()).toContain('MISMATCH');
    expect(await page.locator('[data-testid=approve-button]').isDisabled()).toBe(true);
    await screenshot(page, 'workflows-approve-mismatch');
  });

  it('approves on a matching 7-character prefix and records the approver', async () => {
    await page.fill('[data-testid=reviewed-commit]', commitHash.slice(0, 7));
    expect(await page.locator('[data-testid=commit-comparison]').getAttribute('data-outcome')).toBe(
      'match',
    );
    await screenshot(page, 'workflows-approve-match');
    await page.locator('[data-testid=approve-button]').click();

    const done = page.locator('[data-testid=approval-done]');
    await done.waitFor();
    expect(await done.textContent()).toContain('arn:aws:sts::123456789012:');
    await screenshot(page, 'workflows-approved');
  });

  it('deploys the approved digest after the summary is confirmed, until the rollout completes', async () => {
    await openWorkflow('deploy');
    await pick('image', imageDigest);
    await review();
    const summary = (await page.locator('[data-testid=plan-summary]').textContent()) ?? '';
    expect(summary).toContain(`"imageDigest": "${imageDigest}"`);
    expect(summary).toContain('never by tag');
    expect(await page.locator('[data-testid=start-button]').isDisabled()).toBe(true);
    await page.locator('[data-testid=confirm-checkbox]').check();
    await screenshot(page, 'workflows-deploy-summary');

    const run = await startAndWait('deploy');

    expect(run.status).toBe('succeeded');
    expect(run.message).toContain('rollout completed');
    expect(await output('commitHash')).toBe(commitHash);
  });

  it('rolls a service back to an earlier revision picked from the list', async () => {
    await openWorkflow('rollback');
    await pick('revision', await firstPickable('revision'));
    await review();
    await page.locator('[data-testid=confirm-checkbox]').check();
    const run = await startAndWait('rollback');

    expect(run.status).toBe('succeeded');
    expect(run.message).toContain('Rolled back');
  });
});

describe('backup and restore', () => {
  let snapshotId: string;

  it('backs up and waits until the snapshot is available', async () => {
    await openWorkflow('backup');
    await review();
    await page.locator('[data-testid=confirm-checkbox]').check();
    const run = await startAndWait('backup');

    expect(run.status).toBe('succeeded');
    snapshotId = (await output('snapshotId')) ?? '';
    expect(run.message).toBe(`Snapshot ${snapshotId} is available.`);
  });

  it('restores the new snapshot only once the environment name is typed', async () => {
    await openWorkflow('restore');
    await pick('snapshot', snapshotId);
    await review();
    await page.fill('[data-testid=confirm-environment-name]', 'prod');
    expect(await page.locator('[data-testid=start-button]').isDisabled()).toBe(true);
    await page.fill('[data-testid=confirm-environment-name]', 'sandbox');
    await screenshot(page, 'workflows-restore-confirm');
    const run = await startAndWait('restore');

    expect(run.status).toBe('succeeded');
    expect(await output('snapshotId')).toBe(snapshotId);
  });
});

describe('failures are reported as failures, with their reason', () => {
  it('a build exiting 1 fails with the container reason', async () => {
    await failNext('opsdesk-build', 'exit-1');
    const run = await build('feature/broken', 'build-exit-1');

    expect(run.status).toBe('failed');
    expect(run.message).toContain('exited with code 1');
    expect(run.message).toContain('Build failed: npm run build exited with code 1');
    expect(await page.title()).toBe('✖ Build an image failed — Opsdesk');
    expect(await page.locator('[data-testid=run-phase][data-state=failed]').count()).toBe(1);
  });

  it('RunTask answering with failures[] fails the build with the reason', async () => {
    await failNext('opsdesk-build', 'failures');
    const run = await build('main', 'build-runtask-failures');

    expect(run.status).toBe('failed');
    expect(run.message).toContain('RESOURCE:MEMORY');
  });

  async function deployAgain(name: string) {
    await openWorkflow('deploy');
    const digest = await firstPickable('image');
    await pick('image', digest);
    await review();
    await page.locator('[data-testid=confirm-checkbox]').check();
    return startAndWait(name);
  }

  it('a deploy whose function answers FunctionError fails, though HTTP said 200', async () => {
    await failNext('opsdesk-deploy', 'function-error');
    const run = await deployAgain('deploy-function-error');

    expect(run.status).toBe('failed');
    expect(run.message).toContain('The deploy function reported an error:');
    // The Lambda terms stay out of the headline, in the run's details.
    expect(run.message).not.toContain('HTTP 200');
    expect(await output('errorDetail')).toContain('Unhandled, HTTP 200');
  });

  it('a deploy whose rollout fails is reported failed, with the circuit breaker', async () => {
    await failNext('opsdesk-deploy', 'rollout-failed');
    const run = await deployAgain('deploy-rollout-failed');

    expect(run.status).toBe('failed');
    expect(await output('errorDetail')).toContain('DeploymentFailed');
    expect(run.message).toContain('tasks failed to start');
  });
});

describe('journal', () => {
  it('lists every start, approval and outcome, and filters the failures', async () => {
    await page.getByRole('button', { name: 'Journal' }).click();
    const count = page.locator('[data-testid=journal-count]');
    // Nine runs, each a start and an outcome, and the one approval.
    await expect.poll(() => count.getAttribute('data-count')).toBe('19');
    expect(await page.locator('[data-testid=journal-entry][data-kind=approval]').count()).toBe(1);
    await screenshot(page, 'journal-all');

    await page.selectOption('[data-testid=journal-result]', 'failed');
    await expect.poll(() => count.getAttribute('data-count')).toBe('4');
    await screenshot(page, 'journal-failed');
  });

  it('exports the filtered journal as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.locator('[data-testid=export-csv]').click();
    const file = await download;

    expect(file.suggestedFilename()).toMatch(/^opsdesk-journal-\d{8}-\d{6}\.csv$/);
  });

  it('raised no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('a read-only environment', () => {
  it('shows its workflows disabled, with the reason', async () => {
    await page.getByRole('button', { name: 'Workflows' }).click();
    await page.selectOption('[data-testid=environment-select]', 'prod-view');

    const deploy = page.locator('[data-testid=workflow-item][data-workflow=deploy]');
    await expect.poll(() => page.locator('[data-testid=workflow-item]').count()).toBe(1);
    expect(await deploy.isDisabled()).toBe(true);
    expect(await page.locator('[data-testid=readonly-note]').textContent()).toBe(
      'Production (read-only) is read-only: its workflows can be looked at, not started.',
    );
    await screenshot(page, 'workflows-read-only');
  });
});
