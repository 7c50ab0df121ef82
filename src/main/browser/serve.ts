// The browser-mode entry, bundled to dist/main/browser-server.cjs. It prints
// one line with the URL to open; scripts/start.mjs and the browser tests read it.
import path from 'node:path';
import { silenceSdkNodeVersionWarning } from '../aws/nodeVersionWarning';
import { createLogger } from '../logger';
import { createServices } from '../services';
import { parseServeArguments } from './serveArguments';
import { startBrowserServer } from './server';

const log = createLogger('browser-mode');

async function main(): Promise<void> {
  silenceSdkNodeVersionWarning();
  const options = parseServeArguments(process.argv.slice(2), process.cwd());
  const services = createServices({
    mode: 'browser',
    modeReason: options.reason,
    initialEnvironment: options.initialEnvironment,
    environmentsFile: options.environmentsFile,
  });

  // This bundle sits in dist/main; the built renderer is beside it.
  const server = await startBrowserServer({
    port: options.port,
    services,
    rendererDir: path.resolve(__dirname, '..', 'renderer'),
    openPaths: options.paths,
  });

  const because = options.reason ? ` because ${options.reason}` : '';
  process.stdout.write(`Opsdesk is running in browser mode${because}. Open ${server.url}\n`);

  const stop = () => {
    void server
      .close()
      .then(() => services.dispose())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log.error('browser mode could not start:', error);
  process.stderr.write(`Opsdesk could not start: ${(error as Error).message ?? error}\n`);
  process.exit(1);
});
