// Drives the Status view in Debian's Chromium against the built browser-mode
// server, which reads a sandbox this test starts and controls: the test knows
// the seeded facts (which commit runs) and can make a deployment fail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RunTaskCommand } from '@aws-sdk/client-ecs';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEnvironment } from '../../src/main/environments';
import type { DemoFacts, RunningSandbox } from '../../src/sandbox';
import { clientsFor, startTestSandbox, type SandboxClients } from '../sandbox/sandboxClients';
import {
  startBrowserServerProcess,
  type BrowserServerProcess,
} from '../support/browserServerProcess';
import { collectConsoleErrors, launchChromium, screenshot } from '../support/chromium';

let sandbox: RunningSandbox;
let aws: SandboxClients;
let facts: DemoFacts;
let folder: string;
let server: BrowserServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  // Realistic speed, so that a snapshot stays `creating` long enough to be seen.
  ({ sandbox } = await startTestSandbox({ timeScale: 1 }));
  aws = clientsFor(sandbox.endpoint);
  facts = sandbox.controls.facts();

  folder = mkdtempSync(path.join(tmpdir(), 'opsdesk-status-e2e-'));
  const environmentsFile = path.join(folder, 'environments.json');
  const demo = {
    ...sandboxEnvironment(sandbox.endpoint),
    name: 'demo',
    label: 'Demo (test sandbox)',
  };
  writeFileSync(environmentsFile, JSON.stringify({ environments: [demo] }));

  server = await startBrowserServerProcess(['--environments', environmentsFile, '--env', 'demo']);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  consoleErrors = collectConsoleErrors(page);
  await page.goto(server.url);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  await sandbox?.close().catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
});

const card = (service: string) =>
  page.locator(`[data-testid=service-card][data-service=${service}]`);

async function refreshAndWait() {
  const takenAt = await page.locator('[data-testid=updated-ago]').getAttribute('data-taken-at');
  await page.click('[data-testid=status-refresh]');
  await expect
    .poll(async () => {
      const stale = await page.locator('[data-testid=stale-mark]').count();
      const now = await page.locator('[data-testid=updated-ago]').getAttribute('data-taken-at');
      return stale > 0 || now !== takenAt;
    })
    .toBe(true);
}

describe('the Status view against the sandbox', () => {
  it('opens first and shows each service running the seeded commit', async () => {
    await card('web').waitFor({ timeout: 30_000 });
    await screenshot(page, 'status-1-healthy');

    for (const service of ['web', 'worker']) {
      const commit = card(service).locator('[data-testid=service-image] [data-testid=commit]');
      expect(await commit.getAttribute('data-commit')).toBe(facts.runningImage.commitHash);
      expect((await commit.locator('code').textContent())?.trim()).toBe(
        facts.runningImage.commitHash.slice(0, 7),
      );
    }
    expect(await card('web').locator('[data-testid=service-counts]').textContent()).toContain(
      '2/2 running',
    );
    const health = page.locator('[data-testid=health-line]');
    expect(await health.getAttribute('data-verdict')).toBe('healthy');
    expect(await health.textContent()).toBe(
      `All services healthy · running commit ${facts.runningImage.commitHash.slice(0, 7)} · nothing in progress`,
    );
    expect(await page.locator('[data-testid=updated-ago]').textContent()).toMatch(
      /^updated \d+ s ago$/,
    );
  });

  it('marks by digest which image runs, not the one tagged latest', async () => {
    const row = (digest: string) =>
      page.locator(`[data-testid=image-row][data-digest="${digest}"]`);

    expect(await row(facts.runningImage.imageDigest).getAttribute('data-running')).toBe(
      'web,worker',
    );
    expect(await row(facts.latestImage.imageDigest).getAttribute('data-running')).toBe('');
    expect(await page.locator('[data-testid=image-row]').count()).toBe(6);
    expect(await page.locator('[data-testid=image-row] .commit-unknown').count()).toBe(1);
  });

  it('lists the database’s five snapshots, newest first', async () => {
    const rows = page.locator('[data-testid=snapshot-row]');
    expect(await rows.count()).toBe(5);
    expect(await rows.first().getAttribute('data-snapshot')).toMatch(/^rds:demo-db-/);
    expect(await rows.last().getAttribute('data-snapshot')).toBe('demo-db-pre-release-2-3');
  });

  it('shows a failed deployment, a snapshot being created and a workflow task in progress', async () => {
    sandbox.controls.failNext('opsdesk-deploy', 'rollout-failed');
    const invoke = (functionName: string, payload: object) =>
      aws.lambda.send(
        new InvokeCommand({
          FunctionName: functionName,
          Payload: Buffer.from(JSON.stringify(payload)),
        }),
      );
    const deploy = await invoke('opsdesk-deploy', {
      imageDigest: facts.latestImage.imageDigest,
      service: 'web',
    });
    expect(deploy.FunctionError).toBe('Unhandled');
    await invoke('opsdesk-backup', { snapshotId: 'opsdesk-backup-e2e' });
    await aws.ecs.send(
      new RunTaskCommand({
        cluster: 'demo-cluster',
        taskDefinition: 'opsdesk-build',
        clientToken: 'status-e2e-build',
        overrides: {
          containerOverrides: [
            { name: 'build', environment: [{ name: 'GIT_REF', value: 'main' }] },
          ],
        },
      }),
    );

    await refreshAndWait();
    await card('web').locator('summary').click();
    await screenshot(page, 'status-2-unhealthy');

    expect(await page.locator('[data-testid=health-line]').getAttribute('data-verdict')).toBe(
      'unhealthy',
    );
    expect(await page.locator('[data-testid=health-problem]').allTextContents()).toEqual([
      'web: deployment of web:8 failed: ECS deployment circuit breaker: tasks failed to start.',
    ]);
    expect(
      await card('web').locator('[data-testid=deployment-row][data-rollout=FAILED]').count(),
    ).toBe(1);
    const stoppedTasks = card('web').locator('[data-testid=task-row][data-last-status=STOPPED]');
    expect(await stoppedTasks.count()).toBe(2);
    expect(await stoppedTasks.first().locator('[data-testid=container-exit]').textContent()).toBe(
      'web: exit 1',
    );
    const creating = page.locator('[data-testid=snapshot-row][data-snapshot=opsdesk-backup-e2e]');
    expect(await creating.getAttribute('data-status')).toBe('creating');
    expect(await page.locator('[data-testid=in-progress]').allTextContents()).toEqual([
      expect.stringMatching(/^opsdesk-build: task [0-9a-f]{8} /),
    ]);
  });

  it('keeps the last status on show, marked stale with the reason, when AWS cannot be reached', async () => {
    await sandbox.close();

    await refreshAndWait();
    await screenshot(page, 'status-3-stale');

    const stale = page.locator('[data-testid=stale-mark]');
    expect(await stale.textContent()).toMatch(
      /^Stale since \d+ s ago: .*ecs:ListTasks.* What you see is the last status that could be read\.$/,
    );
    expect(await card('web').count()).toBe(1);
    expect(await page.locator('.status-body-stale').count()).toBe(1);
  });

  it('keeps Logs one click away, and raised no console errors', async () => {
    await page.getByRole('button', { name: 'Logs' }).click();
    await page.locator('[data-testid=open-files-input]').waitFor({ state: 'attached' });

    expect(consoleErrors).toEqual([]);
  });
});
