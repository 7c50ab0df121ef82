// Drives the real renderer in Debian's Chromium against the real browser-mode
// server and log engine: the built bundles in dist/, as npm start runs them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBrowserServerProcess,
  type BrowserServerProcess,
} from '../support/browserServerProcess';
import { collectConsoleErrors, launchChromium, screenshot } from '../support/chromium';

const FIXTURES = path.resolve(__dirname, '../fixtures/logs/access');
// 1000 nginx lines of 22 Jan 2019 03:56-03:59 +03:30 (00:26-00:29 UTC); 24 have status 404.
const SHOP_LOG = path.join(FIXTURES, 'shop-combined-fa.log');
// 13 nginx lines: two 404s on 25 Oct 2016 (+02:00), six on 7 Dec 2016 (+01:00).
const NGINX_LOG = path.join(FIXTURES, 'nginx-combined-dst.log');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Opens the app in a fresh tab whose clock runs in `timeZone`.
 *
 * The log index lives in the server, shared by its tabs, so each group of
 * tests starts a server of its own and sees only the files it loads.
 */
async function openApp(server: BrowserServerProcess, timeZone: string) {
  const context = await browser.newContext({
    timezoneId: timeZone,
    viewport: { width: 1280, height: 1000 },
  });
  const page = await context.newPage();
  const consoleErrors = collectConsoleErrors(page);
  await page.goto(server.url);
  // Status is the first screen; Logs is one click away.
  await page.getByRole('button', { name: 'Logs' }).click();
  return { context, page, consoleErrors };
}

/** Picks a file in the open-files input and waits until its source is indexed. */
async function loadLog(page: Page, file: string) {
  await page.setInputFiles('[data-testid=open-files-input]', file);
  const source = page.locator('[data-testid=source-item][data-state=ready]');
  await source.waitFor({ timeout: 30_000 });
  return source;
}

async function search(page: Page, query: string) {
  await page.fill('[data-testid=search-input]', query);
  await page.press('[data-testid=search-input]', 'Enter');
}

/** The histogram's buckets as rows of the table: start as ISO UTC, and total. */
async function histogramBuckets(page: Page) {
  const rows = page.locator('[data-testid=histogram-bucket]');
  return (
    await rows.evaluateAll((elements) =>
      elements.map((element) => [
        element.getAttribute('data-start'),
        element.getAttribute('data-total'),
      ]),
    )
  ).map(([start, total]) => ({
    start: new Date(/^\d+$/.test(start ?? '') ? Number(start) : String(start)).toISOString(),
    total: Number(total),
  }));
}

const nonEmpty = (buckets: { start: string; total: number }[]) =>
  buckets.filter((bucket) => bucket.total > 0);

describe('browser mode: load, search and count a real access log', () => {
  let server: BrowserServerProcess;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    server = await startBrowserServerProcess();
    // Tehran is 3 h 30 ahead of UTC: its hours start at half past UTC hours.
    ({ context, page, consoleErrors } = await openApp(server, 'Asia/Tehran'));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('indexes an uploaded file: one ready source of 1000 records', async () => {
    const source = await loadLog(page, SHOP_LOG);
    await screenshot(page, 'logs-1-loaded');

    expect(await source.count()).toBe(1);
    expect(await source.getAttribute('data-records')).toBe('1000');
    expect(await page.locator('[data-testid=source-problem]').count()).toBe(0);
  });

  it('finds the 24 events with status 404 and lists them', async () => {
    await search(page, 'status:404');

    const matchCount = page.locator('[data-testid=match-count]');
    await expect.poll(() => matchCount.getAttribute('data-count')).toBe('24');
    const rows = page.locator('[data-testid=result-row]');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await screenshot(page, 'logs-2-search');

    const ids = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-id')),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(24);
    const messages = await page.locator('[data-testid=row-message]').allTextContents();
    expect(messages.length).toBe(ids.length);
    for (const message of messages) expect(message).toContain(' 404');
  });

  it('counts them in one 15-minute bucket starting 00:15 UTC (03:45 in Tehran)', async () => {
    await page.selectOption('[data-testid=bucket-select]', '15m');

    await expect
      .poll(() => histogramBuckets(page).then(nonEmpty))
      .toEqual([{ start: '2019-01-22T00:15:00.000Z', total: 24 }]);
    expect(await page.locator('[data-testid=histogram]').getAttribute('data-total')).toBe('24');
    await screenshot(page, 'logs-3-histogram-15m');
  });

  it('starts hour buckets at local hours: 03:00 in Tehran is 23:30 UTC the day before', async () => {
    await page.selectOption('[data-testid=bucket-select]', 'hour');

    await expect
      .poll(() => histogramBuckets(page).then(nonEmpty))
      .toEqual([{ start: '2019-01-21T23:30:00.000Z', total: 24 }]);
  });

  it('shows the raw line of the newest 404 when its row, the first, is clicked', async () => {
    await page.locator('[data-testid=result-row]').first().click();

    const raw = page.locator('[data-testid=record-detail] [data-testid=record-raw]');
    await raw.waitFor();
    await screenshot(page, 'logs-4-detail');
    // The file is in time order, so its last 404 line is the newest.
    const lines = readFileSync(SHOP_LOG, 'utf8').split('\n');
    const newest404 = lines.filter((line) => line.includes('" 404 ')).at(-1);
    expect(await raw.textContent()).toBe(newest404);
  });

  it('finds a Persian word that the log only holds percent-encoded in request paths', async () => {
    const word = 'مگاپیکسل';
    const withWord = readFileSync(SHOP_LOG, 'utf8')
      .split('\n')
      .filter((line) => {
        const path = /"[A-Z]+ (\S+) HTTP/.exec(line)?.[1];
        return path !== undefined && safeDecode(path).includes(word);
      });
    expect(withWord.length).toBeGreaterThan(0);

    await search(page, word);
    await expect
      .poll(() => page.locator('[data-testid=match-count]').getAttribute('data-count'))
      .toBe(String(withWord.length));
  });

  it('explains a query it cannot parse instead of showing results', async () => {
    await search(page, '(status:404');

    const error = page.locator('[data-testid=search-error]');
    await error.waitFor();
    await screenshot(page, 'logs-5-bad-query');
    expect(await error.textContent()).toContain('close the (');
    expect(await page.locator('[data-testid=result-row]').count()).toBe(0);
  });

  it('raised no console error, so the Content-Security-Policy blocked nothing it needs', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('browser mode: day buckets follow the local calendar across daylight saving', () => {
  let server: BrowserServerProcess;

  beforeAll(async () => {
    server = await startBrowserServerProcess();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('starts each day at local midnight, whatever the UTC offset that day', async () => {
    const { context, page } = await openApp(server, 'Europe/Berlin');
    await loadLog(page, NGINX_LOG);
    await search(page, 'status:404');
    await expect
      .poll(() => page.locator('[data-testid=match-count]').getAttribute('data-count'))
      .toBe('8');

    await page.selectOption('[data-testid=bucket-select]', 'day');

    // Berlin midnight is 22:00 UTC in October (summer time) and 23:00 UTC in December.
    await expect
      .poll(() => histogramBuckets(page).then(nonEmpty))
      .toEqual([
        { start: '2016-10-24T22:00:00.000Z', total: 2 },
        { start: '2016-12-06T23:00:00.000Z', total: 6 },
      ]);
    await screenshot(page, 'logs-6-day-buckets');
    await context.close();
  });
});

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
