import { shell, type App, type Session, type WebContents } from 'electron';
import { createLogger } from '../logger';
import { contentSecurityPolicy } from './contentSecurityPolicy';

const log = createLogger('electron-security');

/**
 * Adds the Content-Security-Policy header to every response the session receives.
 *
 * The renderer's index.html carries the same policy in a meta tag, because
 * Electron does not apply response headers to every file:// load.
 */
export function enforceContentSecurityPolicy(session: Session): void {
  const policy = contentSecurityPolicy('electron');
  session.webRequest.onHeadersReceived((details, respond) => {
    respond({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    });
  });

  // Opsdesk needs no camera, notifications, geolocation or the like.
  session.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
}

/**
 * Refuses navigation, new windows and embedded webviews for one web contents.
 *
 * The renderer is a single page: any navigation is either a bug or an attack.
 * An https link the user clicks opens in the system browser instead.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log.warn('refused navigation away from the app to', url.slice(0, 200));
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('refused to attach a webview');
  });

  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpsUrl(url)) void shell.openExternal(url);
    else log.warn('refused to open a window for', url.slice(0, 200));
    return { action: 'deny' };
  });
}

/** Hardens every web contents the app ever creates, including ones we did not ask for. */
export function hardenAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
