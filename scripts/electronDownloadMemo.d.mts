// Types of electronDownloadMemo.mjs, for the tests written in TypeScript.

/** A remembered failed download of the Electron runtime. */
export interface DownloadFailure {
  reason: string;
  /** When it was tried, as an ISO time. */
  triedAt: string;
}

/** How long a failed download is believed before the next start tries again. */
export const RETRY_AFTER_MS: number;

/** The memo file under `root`/node_modules/.cache/opsdesk. */
export function downloadMemoPath(root: string): string;

/** The failure remembered at `memoPath` when younger than a day at `now`, else undefined. */
export function recentDownloadFailure(memoPath: string, now?: number): DownloadFailure | undefined;

/** Writes down that the download failed at `now`, and why; returns whether it could. */
export function rememberDownloadFailure(memoPath: string, reason: string, now?: number): boolean;

/** Forgets a remembered failure, once the runtime is there. */
export function forgetDownloadFailure(memoPath: string): void;
