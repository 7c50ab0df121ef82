import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { REQUEST_CHANNELS, type EventChannel } from '../../shared/ipc/contract';
import { fail } from '../../shared/result';
import { createLogger } from '../logger';
import type { Dispatch } from './dispatch';

const log = createLogger('electron-ipc');

/**
 * Registers one `ipcMain.handle` per request channel of the contract, and no other.
 *
 * Only the main frame of a page we loaded ourselves may call: `isTrustedUrl`
 * decides which URLs those are. Returns a function that removes the handlers.
 */
export function registerIpcHandlers(
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      if (!isTrustedSender(event, isTrustedUrl)) {
        log.warn(`refused ${channel} from an untrusted frame`);
        return fail('invalid-request', 'This request came from a page Opsdesk did not load.');
      }
      return dispatch(channel, request);
    });
  }

  return () => REQUEST_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

function isTrustedSender(event: IpcMainInvokeEvent, isTrustedUrl: (url: string) => boolean) {
  const frame = event.senderFrame;

  // A destroyed or navigated-away frame reports null; subframes have a parent.
  if (!frame || frame.parent !== null) return false;
  return isTrustedUrl(frame.url);
}

/** Sends one event to the renderer of every open window. */
export function sendToAllWindows(channel: EventChannel, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  }
}
