import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RETRY_AFTER_MS,
  downloadMemoPath,
  forgetDownloadFailure,
  recentDownloadFailure,
  rememberDownloadFailure,
} from '../../scripts/electronDownloadMemo.mjs';

const TRIED_AT = Date.parse('2026-05-04T09:30:00Z');
const HOUR = 60 * 60_000;

let root: string;
let memo: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'opsdesk-start-'));
  memo = downloadMemoPath(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a failed Electron download', () => {
  it('is remembered under node_modules/.cache/opsdesk with its reason and time', async () => {
    expect(rememberDownloadFailure(memo, 'getaddrinfo ENOTFOUND github.com', TRIED_AT)).toBe(true);

    expect(path.relative(root, memo)).toBe('node_modules/.cache/opsdesk/electron-download.json');
    expect(JSON.parse(await readFile(memo, 'utf8'))).toEqual({
      reason: 'getaddrinfo ENOTFOUND github.com',
      triedAt: '2026-05-04T09:30:00.000Z',
    });
  });

  it('stops new attempts for a day', () => {
    rememberDownloadFailure(memo, 'getaddrinfo ENOTFOUND github.com', TRIED_AT);

    expect(recentDownloadFailure(memo, TRIED_AT + 23 * HOUR)).toEqual({
      reason: 'getaddrinfo ENOTFOUND github.com',
      triedAt: '2026-05-04T09:30:00.000Z',
    });
    expect(recentDownloadFailure(memo, TRIED_AT + RETRY_AFTER_MS)).toBeUndefined();
    expect(RETRY_AFTER_MS).toBe(24 * HOUR);
  });

  it('is forgotten once the runtime is there', () => {
    rememberDownloadFailure(memo, 'timed out', TRIED_AT);
    forgetDownloadFailure(memo);

    expect(recentDownloadFailure(memo, TRIED_AT + HOUR)).toBeUndefined();
  });
});

describe('no usable memo', () => {
  it('means try the download: none written, unreadable, or dated in the future', async () => {
    expect(recentDownloadFailure(memo, TRIED_AT)).toBeUndefined();

    rememberDownloadFailure(memo, 'timed out', TRIED_AT);
    await writeFile(memo, '{"reason": 12');
    expect(recentDownloadFailure(memo, TRIED_AT)).toBeUndefined();

    rememberDownloadFailure(memo, 'timed out', TRIED_AT + HOUR);
    expect(recentDownloadFailure(memo, TRIED_AT)).toBeUndefined();
  });

  it('is no reason to stop the start when it cannot be written', async () => {
    // A file where the node_modules folder should be blocks writing, even for root.
    await writeFile(path.join(root, 'node_modules'), '');

    expect(rememberDownloadFailure(memo, 'timed out', TRIED_AT)).toBe(false);
    expect(recentDownloadFailure(memo, TRIED_AT)).toBeUndefined();
  });
});
