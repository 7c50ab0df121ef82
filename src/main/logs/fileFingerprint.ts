import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';

/** How much of a file's start goes into its fingerprint. */
const FINGERPRINT_BYTES = 64 * 1024;

/**
 * What makes two opened files the same log: name, size and first 64 KB.
 *
 * Paths cannot tell: browser mode gives every upload a new temporary path, so
 * the same file uploaded twice would otherwise be loaded, and counted, twice.
 * Undefined when the file cannot be read; loading it then says why.
 */
export async function fileFingerprint(path: string): Promise<string | undefined> {
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const start = Buffer.alloc(Math.min(size, FINGERPRINT_BYTES));
      await file.read(start, 0, start.length, 0);
      const digest = createHash('sha256').update(start).digest('hex');
      return `${basename(path)}:${size}:${digest}`;
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
}
