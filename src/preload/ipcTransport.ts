import { ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { FileBridge, Transport } from '../shared/ipc/api';
import { EVENT_CHANNELS, isRequestChannel } from '../shared/ipc/contract';
import { fail, ok, type Result } from '../shared/result';

/**
 * Carries the contract over Electron IPC, limited to the contract's channels.
 *
 * `ipcRenderer.invoke` rejects when the main process has no handler or its
 * handler throws; that still reaches the renderer as a failed Result.
 */
export const ipcTransport: Transport = {
  async invoke(channel, request) {
    if (!isRequestChannel(channel)) return fail('invalid-request', 'Unknown request channel.');

    try {
      return (await ipcRenderer.invoke(channel, request)) as Result<unknown>;
    } catch {
      return fail('internal', 'The Opsdesk main process did not answer; please restart Opsdesk.');
    }
  },

  subscribe(channel, listener) {
    if (!EVENT_CHANNELS.includes(channel)) return () => {};

    // The Electron event holds the sender; the page only ever sees the payload.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

/** Gives the path on disk of files the user dropped or picked: Electron knows it. */
export const diskFileBridge: FileBridge = {
  async pathsOf(files) {
    const paths = files.map((file) => webUtils.getPathForFile(file));

    // A File built in memory, or dragged from another app, has no path.
    const missing = files.filter((_file, index) => paths[index] === '');
    if (missing.length > 0) {
      const names = missing.map((file) => file.name).join(', ');
      return fail('unreadable', `Opsdesk cannot find ${names} on disk; open it from a folder.`);
    }
    return ok(paths);
  },
};
