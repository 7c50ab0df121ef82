// Remembers a failed download of the Electron runtime, so that `npm start`
// without network tries again at most once a day instead of on every start.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How long a failed download is believed before the next start tries again. */
export const RETRY_AFTER_MS = 24 * 60 * 60_000;

/** The memo file: under node_modules so that a fresh `npm ci` forgets it. */
export function downloadMemoPath(root) {
  return path.join(root, 'node_modules/.cache/opsdesk/electron-download.json');
}

/**
 * The failure remembered at `memoPath` as `{ reason, triedAt }` (an ISO time),
 * when it is younger than a day at `now`; else undefined. An unreadable memo
 * counts as none, so the worst case is one download attempt too many.
 */
export function recentDownloadFailure(memoPath, now = Date.now()) {
  let memo;
  try {
    memo = JSON.parse(readFileSync(memoPath, 'utf8'));
  } catch {
    return undefined;
  }
  const triedAtMs = Date.parse(memo?.triedAt);
  if (typeof memo?.reason !== 'string' || Number.isNaN(triedAtMs)) return undefined;
  if (now - triedAtMs >= RETRY_AFTER_MS || triedAtMs > now) return undefined;
  return { reason: memo.reason, triedAt: memo.triedAt };
}

/**
 * Writes down that the download failed at `now`, and why; returns whether it
 * could. A memo that cannot be written (read-only node_modules) costs only
 * another attempt at the next start, so it never stops this one.
 */
export function rememberDownloadFailure(memoPath, reason, now = Date.now()) {
  const memo = { reason, triedAt: new Date(now).toISOString() };
  try {
    mkdirSync(path.dirname(memoPath), { recursive: true });
    writeFileSync(memoPath, `${JSON.stringify(memo, null, 2)}\n`);
    return true;
  } catch {
    return false;
  }
}

/** Forgets a remembered failure, once the runtime is there. */
export function forgetDownloadFailure(memoPath) {
  rmSync(memoPath, { force: true });
}
