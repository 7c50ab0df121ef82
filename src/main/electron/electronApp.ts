import { app, BrowserWindow, session } from 'electron';
import path from 'node:path';
import { createLogger, setLogFolder } from '../logger';
import { createDispatch } from '../ipc/dispatch';
import { registerIpcHandlers, sendToAllWindows } from '../ipc/electronIpc';
import { forwardEvents } from '../ipc/events';
import type { Services } from '../services';
import { enforceContentSecurityPolicy, hardenAllWebContents } from './security';
import { pathsFromArgv } from './startupPaths';
import { createMainWindow, isRendererUrl } from './window';

const log = createLogger('electron');

/** What the Electron entry needs: where the bundles are, how to build services, its command line. */
export interface ElectronAppOptions {
  /** The folder holding dist/main and dist/renderer. */
  distDir: string;
  /** Builds the services once Electron is ready; tests pass fakes. */
  createServices: () => Services;
  /** The process's command line, whose file arguments are opened at start. */
  argv: string[];
  workingDirectory: string;
}

/**
 * Runs Opsdesk as an Electron app: one instance, one hardened window.
 *
 * Files named on the command line, of this or of a second launch, are opened
 * into the log index; the window shows them once it asks for its sources.
 * Resolves once the window is open, or at once when another instance runs.
 */
export async function startElectronApp(options: ElectronAppOptions): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  setLogFolder(app.getPath('logs'));
  hardenAllWebContents(app);
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  enforceContentSecurityPolicy(session.defaultSession);

  const services = options.createServices();
  const dispatch = createDispatch(services);
  const files = {
    rendererIndex: path.join(options.distDir, 'renderer', 'index.html'),
    preloadPath: path.join(options.distDir, 'main', 'preload.cjs'),
  };

  registerIpcHandlers(dispatch, (url) => isRendererUrl(url, files.rendererIndex));
  const stopEvents = forwardEvents(services, sendToAllWindows);
  let window = createMainWindow(files);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window.isDestroyed()) window = createMainWindow(files);
    if (window.isMinimized()) window.restore();
    window.focus();
    void openStartupPaths(services, pathsFromArgv(argv, workingDirectory, app.isPackaged));
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(files);
  });

  app.once('will-quit', (event) => {
    // Quitting waits for the log engine's workers to stop, once.
    event.preventDefault();
    stopEvents();
    void services.dispose().finally(() => app.exit(0));
  });

  const startupPaths = pathsFromArgv(options.argv, options.workingDirectory, app.isPackaged);
  await openStartupPaths(services, startupPaths);
}

async function openStartupPaths(services: Services, paths: string[]): Promise<void> {
  if (paths.length === 0) return;

  try {
    await services.logs.open(paths);
  } catch (error) {
    log.warn('could not open the files named at start:', error);
  }
}
