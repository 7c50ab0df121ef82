import { BrowserWindow } from 'electron';
import { pathToFileURL } from 'node:url';

/** Where the window's page and preload come from. */
export interface MainWindowFiles {
  /** dist/renderer/index.html */
  rendererIndex: string;
  /** dist/main/preload.cjs */
  preloadPath: string;
}

/**
 * Opens the Opsdesk window on the built renderer.
 *
 * The page gets no Node, runs sandboxed in its own JavaScript context, and
 * reaches the main process only through the preload's named API.
 */
export function createMainWindow(files: MainWindowFiles): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'Opsdesk',
    show: false,
    webPreferences: {
      preload: files.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  // Showing once painted avoids a white flash before the app's own colours.
  window.once('ready-to-show', () => window.show());
  void window.loadFile(files.rendererIndex);
  return window;
}

/** Whether a URL is the renderer page we load, ignoring its query and hash. */
export function isRendererUrl(url: string, rendererIndex: string): boolean {
  try {
    const candidate = new URL(url);
    const expected = pathToFileURL(rendererIndex);
    return candidate.protocol === 'file:' && candidate.pathname === expected.pathname;
  } catch {
    return false;
  }
}
