import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SERVER_BUNDLE = path.join(root, 'dist/main/browser-server.cjs');
const RENDERER_INDEX = path.join(root, 'dist/renderer/index.html');

/** The real browser-mode entry, started as `npm start` would start it. */
export interface BrowserServerProcess {
  /** The URL the server printed, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Everything the server wrote to stdout and stderr, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns `node dist/main/browser-server.cjs --port 0` and waits for its URL line.
 *
 * Fails with a clear message when the build has not run: the browser tests
 * test the bundles, not the sources, and `npm test` builds before vitest.
 */
export async function startBrowserServerProcess(
  args: string[] = [],
): Promise<BrowserServerProcess> {
  for (const built of [SERVER_BUNDLE, RENDERER_INDEX]) {
    if (!existsSync(built)) {
      throw new Error(`${path.relative(root, built)} is missing: run npm run build first.`);
    }
  }

  const child = spawn(process.execPath, [SERVER_BUNDLE, '--port', '0', ...args], { cwd: root });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));

  const url = await urlLine(child, () => output);
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    output: () => output,
    stop: () => stopChild(child),
  };
}

function urlLine(child: ChildProcessWithoutNullStreams, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL line within 20 s:\n${output()}`)),
      20_000,
    );
    child.stdout.on('data', () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser server exited with ${code}:\n${output()}`));
    });
  });
}

function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
