import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Where files a browser tab uploads are kept while the server runs. */
export interface UploadStore {
  /** The private folder holding every upload. */
  readonly folder: string;
  /** Streams a request body to a new file named after `fileName`; resolves with its path. */
  receive(body: IncomingMessage, fileName: string): Promise<string>;
  /** Deletes every upload, when the server stops. */
  removeAll(): Promise<void>;
}

/**
 * Creates a private temporary folder for uploads.
 *
 * A browser cannot tell the server where a picked file is on disk, so its
 * bytes are copied here and the log index opens the copy. The folder is
 * readable by this user only; each upload gets a folder of its own so that
 * two files with one name never clash and each keeps its name.
 */
export async function createUploadStore(): Promise<UploadStore> {
  const folder = await mkdtemp(path.join(tmpdir(), 'opsdesk-uploads-'));

  return {
    folder,

    async receive(body, fileName) {
      const uploadFolder = await mkdtemp(path.join(folder, 'upload-'));
      const filePath = path.join(uploadFolder, safeFileName(fileName));
      await pipeline(body, createWriteStream(filePath, { flags: 'wx', mode: 0o600 }));
      return filePath;
    },

    removeAll: () => rm(folder, { recursive: true, force: true }),
  };
}

/** The last segment of a name a browser sent, cleaned of anything a path could abuse. */
export function safeFileName(name: string): string {
  const lastSegment = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').slice(-200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'upload.log' : cleaned;
}
