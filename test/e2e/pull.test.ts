// Pulls CloudWatch logs from the built-in sandbox through the real renderer in
// Chromium and the built browser-mode server, then searches what was pulled.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBrowserServerProcess,
  type BrowserServerProcess,
} from '../support/browserServerProcess';
import { collectConsoleErrors, launchChromium, screenshot } from '../support/chromium';

let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(path.join(tmpdir(), 'opsdesk-e2e-pull-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a server whose pulls are kept in a folder of their own. */
function startServer(environment: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, { OPSDESK_DATA_DIR: dataDir, ...environment });
  try {
    return startBrowserServerProcess();
  } finally {
    process.env = saved;
  }
}

async function openLogs(server: BrowserServerProcess): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 1000 },
  });
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Logs' }).click();
  return { page, errors };
}

describe('pulling a log group from CloudWatch (the sandbox)', () => {
  let server: BrowserServerProcess;
  let pulled = 0;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('pulls /ecs/demo/web for the last 6 h, then searches it and charts it', async () => {
    const { page, errors } = await openLogs(server);
    const panel = page.getByRole('region', { name: 'Pull from CloudWatch' });
    await expect.poll(() => panel.getByRole('checkbox').count(), { timeout: 20_000 }).toBe(3);
    const web = panel.getByRole('checkbox', { name: /^\/ecs\/demo\/web/ });
    await expect(web.isChecked()).resolves.toBe(true);
    await screenshot(page, 'pull-form');

    await panel.getByRole('button', { name: 'Pull', exact: true }).click();
    const done = page.locator('[data-testid=pull-progress][data-state=done]');
    await done.waitFor({ timeout: 60_000 });
    pulled = Number(await done.getAttribute('data-events'));
    // 3,000 generated events a day in the sandbox: about 750 in 6 hours.
    expect(pulled).toBeGreaterThan(700);
    expect(pulled).toBeLessThan(800);

    const source = page.locator('[data-testid=source-item][data-state=ready]');
    await source.waitFor({ timeout: 20_000 });
    expect(await source.locator('.source-name').textContent()).toBe('/ecs/demo/web');
    expect(Number(await source.getAttribute('data-records'))).toBe(pulled);

    await page.fill('[data-testid=search-input]', 'status:>=500');
    await page.press('[data-testid=search-input]', 'Enter');
    const histogram = page.locator('[data-testid=histogram]');
    // Server errors are a few percent of the sandbox's requests.
    await expect
      .poll(async () => Number(await histogram.getAttribute('data-total')), { timeout: 10_000 })
      .toSatisfy((total: number) => total > 0 && total < pulled / 5);
    await screenshot(page, 'pull-searched');
    expect(errors).toEqual([]);
  });

  it('shows what was pulled again after a restart on the same data folder', async () => {
    expect(pulled).toBeGreaterThan(0);
    await server.stop();
    server = await startServer();
    const { page, errors } = await openLogs(server);

    const source = page.locator('[data-testid=source-item][data-state=ready]');
    await source.waitFor({ timeout: 20_000 });
    expect(await source.locator('.source-name').textContent()).toBe('/ecs/demo/web');
    expect(Number(await source.getAttribute('data-records'))).toBe(pulled);

    await page.fill('[data-testid=search-input]', 'logger:orders');
    await page.press('[data-testid=search-input]', 'Enter');
    // The JSON application lines among the access lines are read as JSON.
    await expect
      .poll(
        async () =>
          Number(await page.locator('[data-testid=histogram]').getAttribute('data-total')),
        { timeout: 10_000 },
      )
      .toSatisfy((total: number) => total > 0 && total < pulled);
    await screenshot(page, 'pull-reloaded');
    expect(errors).toEqual([]);
  });
});

describe('following a stream live (the sandbox)', () => {
  let server: BrowserServerProcess;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('indexes the stream as a live source as its events arrive', async () => {
    const { page, errors } = await openLogs(server);
    const panel = page.getByRole('region', { name: 'Pull from CloudWatch' });
    await panel.getByText('Follow a stream live').click();
    await panel.getByRole('combobox', { name: 'Log group' }).selectOption('/ecs/demo/web');
    const stream = panel.getByRole('combobox', { name: 'Stream' });
    await expect.poll(() => stream.locator('option').count(), { timeout: 10_000 }).toBe(2);
    const streamName = await stream.inputValue();
    await panel.getByRole('button', { name: 'Follow' }).click();

    // The tail starts five minutes back: a few of the sandbox's events are there at once.
    const live = page.locator('[data-testid=source-item]', { hasText: `${streamName} (live)` });
    await expect
      .poll(async () => Number(await live.getAttribute('data-records')), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect(panel.getByRole('status').textContent()).resolves.toMatch(
      new RegExp(`^Following ${streamName}: \\d+ events so far\\.$`),
    );
    // The results follow the live source too.
    await expect
      .poll(
        async () =>
          Number(await page.locator('[data-testid=histogram]').getAttribute('data-total')),
        {
          timeout: 10_000,
        },
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'pull-follow');
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => live.getAttribute('data-state')).toBe('ready');
    expect(errors).toEqual([]);
  });
});

describe('a range beyond the local limit (the sandbox, limit set to 1 MB)', () => {
  let server: BrowserServerProcess;
  beforeAll(async () => {
    server = await startServer({ OPSDESK_PULL_LOCAL_LIMIT_MB: '0.1' });
  });
  afterAll(() => server?.stop());

  it('offers a histogram counted by CloudWatch Logs Insights instead of a pull', async () => {
    const { page, errors } = await openLogs(server);
    const panel = page.getByRole('region', { name: 'Pull from CloudWatch' });
    await expect.poll(() => panel.getByRole('checkbox').count(), { timeout: 20_000 }).toBe(3);
    await page.selectOption('[data-testid=pull-range]', '24h');
    await panel.getByRole('button', { name: 'Pull', exact: true }).click();
    await panel.getByRole('button', { name: 'Count with CloudWatch' }).click();

    const insights = page.locator('[data-testid=insights-histogram]');
    await insights.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=computed-by]').textContent()).toBe(
      'Counted by CloudWatch Logs Insights',
    );
    // The sandbox generates 3,000 events a day per group.
    const total = Number(await insights.getAttribute('data-total'));
    expect(total).toBeGreaterThan(2900);
    expect(total).toBeLessThan(3100);
    await screenshot(page, 'pull-insights');
    expect(errors).toEqual([]);
  });
});
