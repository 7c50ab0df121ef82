import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail } from '../../shared/result';
import { createDispatch } from '../ipc/dispatch';
import { forwardEvents } from '../ipc/events';
import { createLogger } from '../logger';
import type { Services } from '../services';
import { handleApiRequest, type ApiContext } from './apiRoutes';
import { createEventStreams } from './eventStream';
import { isOwnHost, isOwnOrigin, isRightToken, presentedToken } from './requestGuard';
import { sendJson, sendText } from './responses';
import { serveRendererFile } from './staticFiles';
import { createUploadStore } from './uploads';

const log = createLogger('browser-server');

/** What browser mode serves, and where. */
export interface BrowserServerOptions {
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  services: Services;
  /** The built renderer, dist/renderer. */
  rendererDir: string;
  /** Log files to open into the index at start. */
  openPaths?: string[];
}

/** A running browser-mode server. */
export interface BrowserServer {
  /** The address to open, access token included. */
  url: string;
  token: string;
  port: number;
  /** Stops serving and deletes uploads; the services stay the caller's to dispose. */
  close(): Promise<void>;
}

/**
 * Serves the renderer and the IPC contract over loopback HTTP.
 *
 * Only this machine can connect, and only with the token made for this
 * start: it is in the printed URL, so whoever can read the terminal can use
 * the app, and no web page the user visits can.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomBytes(32).toString('hex');
  const events = createEventStreams();
  const uploads = await createUploadStore();
  const api: ApiContext = { dispatch: createDispatch(options.services), events, uploads };
  const stopEvents = forwardEvents(options.services, events.broadcast);
  let port = 0;

  const server = createServer((request, response) => {
    route(request, response, { ...api, port, token, rendererDir: options.rendererDir }).catch(
      (error: unknown) => {
        log.error('a request failed:', error);
        if (!response.headersSent) sendJson(response, 500, fail('internal', 'Server error.'));
        else response.destroy();
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  await openAtStart(options.services, options.openPaths ?? []);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    async close() {
      stopEvents();
      events.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await uploads.removeAll();
    },
  };
}

interface RouteContext extends ApiContext {
  port: number;
  token: string;
  rendererDir: string;
}

async function route(request: IncomingMessage, response: ServerResponse, context: RouteContext) {
  if (!isOwnHost(request.headers.host, context.port)) {
    return sendText(response, 403, 'Opsdesk answers only to 127.0.0.1 and localhost.');
  }

  const url = new URL(request.url ?? '/', `http://127.0.0.1:${context.port}`);
  if (url.pathname.startsWith('/api/')) {
    if (!isOwnOrigin(request.headers.origin, context.port)) {
      return sendJson(response, 403, fail('invalid-request', 'Cross-origin requests are refused.'));
    }
    if (!isRightToken(presentedToken(request, url), context.token)) {
      const message = 'Missing or outdated access token: open the URL Opsdesk printed at start.';
      return sendJson(response, 401, fail('invalid-request', message));
    }
    return handleApiRequest(request, response, url, context);
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(response, 405, 'Method not allowed.');
  }
  return serveRendererFile(request, response, context.rendererDir, url.pathname);
}

async function openAtStart(services: Services, paths: string[]): Promise<void> {
  if (paths.length === 0) return;

  try {
    await services.logs.open(paths);
  } catch (error) {
    log.warn('could not open the files named at start:', error);
  }
}
