// Builds every entry point: Node-side bundles with esbuild, the renderer with
// Vite. An entry whose source does not exist yet is skipped, so the build
// grows with the project.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

/** Node-side entries: source file to output file under dist/. */
const nodeEntries = {
  'src/main/electron/main.ts': 'main/electron-main.cjs',
  'src/preload/preload.ts': 'main/preload.cjs',
  'src/main/logs/engineWorker.ts': 'main/log-engine-worker.cjs',
  'src/main/browser/serve.ts': 'main/browser-server.cjs',
  'src/cli/opsdesk.ts': 'cli/opsdesk.cjs',
  'src/sandbox/serve.ts': 'sandbox/sandbox.cjs',
  'bench/bench.ts': 'bench/bench.cjs',
};

const started = Date.now();
await Promise.all(
  Object.entries(nodeEntries)
    .filter(([source]) => existsSync(path.join(root, source)))
    .map(([source, output]) =>
      esbuild({
        entryPoints: [path.join(root, source)],
        outfile: path.join(root, 'dist', output),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: true,
        external: ['electron'],
        logLevel: 'warning',
      }),
    ),
);

if (existsSync(path.join(root, 'src/renderer/index.html'))) {
  await viteBuild({
    configFile: path.join(root, 'vite.config.mts'),
    logLevel: quiet ? 'error' : 'warn',
  });
}

if (!quiet) process.stderr.write(`build: done in ${Date.now() - started} ms\n`);
