// The Electron entry, bundled to dist/main/electron-main.cjs.
import { shell } from 'electron';
import path from 'node:path';
import { takeEnvironmentArguments } from '../environments/environmentArguments';
import { createLogger } from '../logger';
import { createServices } from '../services';
import { startElectronApp } from './electronApp';

const log = createLogger('electron');

// `--env NAME` and `--environments FILE` pick the environments; the rest are log files.
Promise.resolve()
  .then(() => takeEnvironmentArguments(process.argv, process.cwd()))
  .then(({ environment }) =>
    startElectronApp({
      // This bundle sits in dist/main; the renderer and preload are beside it.
      distDir: path.resolve(__dirname, '..'),
      createServices: () =>
        createServices({
          mode: 'electron',
          ...environment,
          openExternal: (url) => shell.openExternal(url),
        }),
      argv: process.argv,
      workingDirectory: process.cwd(),
    }),
  )
  .catch((error: unknown) => {
    log.error('Opsdesk could not start:', error);
    process.exit(1);
  });
