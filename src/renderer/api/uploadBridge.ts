import type { FileBridge } from '../../shared/ipc/api';
import { ok } from '../../shared/result';
import { postForResult, type ServerConnection } from './serverConnection';

/**
 * Turns picked files into paths by uploading them to the browser-mode server.
 *
 * A browser never learns where a picked file lives on disk, so each file's
 * bytes go to a private temporary copy on the server, whose path is returned.
 */
export function createUploadBridge(connection: ServerConnection): FileBridge {
  return {
    async pathsOf(files) {
      const paths: string[] = [];
      for (const file of files) {
        const uploaded = await postForResult(
          connection,
          `/api/upload?name=${encodeURIComponent(file.name)}`,
          file,
          'application/octet-stream',
        );
        if (!uploaded.ok) return uploaded;
        paths.push(uploaded.value as string);
      }
      return ok(paths);
    },
  };
}
