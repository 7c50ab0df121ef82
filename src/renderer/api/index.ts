import { buildApi, type OpsdeskBridge } from '../../shared/ipc/api';
import { takeAccessToken } from './accessToken';
import { createBrowserTransport } from './browserTransport';
import type { ServerConnection } from './serverConnection';
import { createUploadBridge } from './uploadBridge';

/** Builds the API over HTTP, for a renderer served by the browser-mode server. */
function createBrowserBridge(): OpsdeskBridge {
  const connection: ServerConnection = {
    fetch: window.fetch.bind(window),
    origin: window.location.origin,
    token: takeAccessToken(window),
  };
  const transport = createBrowserTransport(connection, (url) => new EventSource(url));
  return { ...buildApi(transport), files: createUploadBridge(connection) };
}

/**
 * Everything the renderer can call in the main process.
 *
 * In Electron the preload has put it on `window.opsdesk`; in browser mode
 * it is built here. Both serve the same contract, so no view can tell which.
 */
export const api: OpsdeskBridge = window.opsdesk ?? createBrowserBridge();
