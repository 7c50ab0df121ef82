// The Electron entry, bundled to dist/main/electron-main.cjs.
import path from 'node:path';
import { createLogger } from '../logger';
import { createServices } from '../services';
import { startElectronApp } from './electronApp';

const log = createLogger('electron');

startElectronApp({
  // This bundle sits in dist/main; the renderer and preload are beside it.
  distDir: path.resolve(__dirname, '..'),
  createServices: () => createServices({ mode: 'electron' }),
  argv: process.argv,
  workingDirectory: process.cwd(),
}).catch((error: unknown) => {
  log.error('Opsdesk could not start:', error);
  process.exit(1);
});
