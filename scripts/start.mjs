// Starts the built Opsdesk: the Electron window where the Electron runtime can
// run, else browser mode on 127.0.0.1, saying why and which URL to open.
//
//   node scripts/start.mjs [--browser] [--retry-electron] [--port N] [--no-open] [FILE...]
//
// `npm ci` never downloads the Electron runtime (package.json allowScripts
// denies its install script), so the first start fetches it, once. A failed
// download is remembered for a day (electronDownloadMemo.mjs), so starts
// without network go straight to browser mode; --retry-electron tries anyway.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  downloadMemoPath,
  forgetDownloadFailure,
  recentDownloadFailure,
  rememberDownloadFailure,
} from './electronDownloadMemo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ELECTRON_MAIN = path.join(root, 'dist/main/electron-main.cjs');
const BROWSER_SERVER = path.join(root, 'dist/main/browser-server.cjs');
const DOWNLOAD_MEMO = downloadMemoPath(root);
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const PROBE_TIMEOUT_MS = 20_000;
// An Electron that dies this soon after launch could not open its window.
const EARLY_EXIT_MS = 10_000;

/**
 * Reads `[--browser] [--retry-electron] [--port N] [--no-open] [--env NAME]
 * [--environments FILE] [FILE...]`; files are relative to where npm ran. The
 * environment options pass on to either entry.
 */
function parseArguments(argv, cwd) {
  const options = {
    browser: false,
    retryElectron: false,
    port: 0,
    open: true,
    paths: [],
    environment: [],
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--browser') options.browser = true;
    else if (argument === '--retry-electron') options.retryElectron = true;
    else if (argument === '--no-open') options.open = false;
    else if (argument === '--port') options.port = portNumber(argv[(index += 1)]);
    else if (argument === '--env') options.environment.push('--env', valueOf(argv[(index += 1)]));
    else if (argument === '--environments') {
      options.environment.push('--environments', path.resolve(cwd, valueOf(argv[(index += 1)])));
    } else if (argument.startsWith('-')) fatal(`unknown option ${argument}`);
    else options.paths.push(path.resolve(cwd, argument));
  }
  return options;
}

function portNumber(text) {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fatal(`--port needs 0-65535`);
  return port;
}

function valueOf(text) {
  if (!text || text.startsWith('-')) fatal('--env and --environments need a value');
  return text;
}

function fatal(message) {
  console.error(`Opsdesk: ${message}.`);
  console.error(
    'Usage: npm start -- [--browser] [--retry-electron] [--port N] [--no-open] [--env NAME] [--environments FILE] [FILE...]',
  );
  process.exit(2);
}

/** The Electron executable's path when its runtime is installed, else undefined. */
function installedElectron() {
  try {
    const executable = require('electron');
    return existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

/** Runs Electron's own download once; returns undefined on success, else why it failed. */
function downloadElectron() {
  console.error('Opsdesk: fetching the Electron runtime...');
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  if (run.error?.code === 'ETIMEDOUT')
    return `it took over ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes`;
  if (run.error) return run.error.message;
  if (run.status !== 0) return firstMessageLine(`${run.stderr}\n${run.stdout}`);
  return undefined;
}

/** The first line of an error output that is not a stack frame, shortened. */
function firstMessageLine(output) {
  const line = output
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('at '));
  return (line ?? 'no error message').slice(0, 200);
}

/** Why the Electron binary cannot run here (a missing shared library, say), or undefined. */
function electronProblem(executable) {
  const probe = spawnSync(executable, ['--version'], {
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.error) return probe.error.message;
  if (probe.status !== 0) return firstMessageLine(`${probe.stderr}\n${probe.stdout}`);
  return undefined;
}

function hasDisplay() {
  return (
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  );
}

/** Decides how to run: `{ electron }` with its path, or `{ reasons }` for browser mode. */
function chooseMode(options) {
  if (options.browser) return { reasons: ['--browser was given'] };

  const reasons = [];
  const executable = installedElectron() ?? fetchElectron(options, reasons);
  if (!hasDisplay())
    reasons.push('no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set)');
  if (reasons.length > 0) return { reasons };

  const problem = electronProblem(executable);
  if (problem) return { reasons: [`the Electron binary cannot run here (${problem})`] };
  return { electron: executable };
}

/**
 * Downloads the Electron runtime unless that failed less than a day ago (or
 * --retry-electron asks to try anyway); returns its path, or adds why not to `reasons`.
 */
function fetchElectron(options, reasons) {
  const recent = options.retryElectron ? undefined : recentDownloadFailure(DOWNLOAD_MEMO);
  if (recent) {
    console.error(
      `Opsdesk: Electron runtime not available (${recent.reason}, tried at ${recent.triedAt}); ` +
        'starting browser mode. npm start -- --retry-electron tries the download again.',
    );
    reasons.push(`the Electron runtime is not available (${recent.reason})`);
    return undefined;
  }

  const failure = downloadElectron();
  const executable = installedElectron();
  if (executable) {
    forgetDownloadFailure(DOWNLOAD_MEMO);
    return executable;
  }
  const reason = failure ?? 'not found after download';
  rememberDownloadFailure(DOWNLOAD_MEMO, reason);
  reasons.push(`the Electron binary could not be downloaded (${reason})`);
  return undefined;
}

/** Runs a child until it exits, passing Ctrl-C and termination on to it. */
function supervise(child, onExit) {
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    onExit(code ?? (signal ? 1 : 0));
  });
}

function startElectron(executable, options) {
  if (options.port !== 0) console.error('Opsdesk: --port applies to browser mode only; ignored.');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;

  const started = Date.now();
  const child = spawn(executable, [ELECTRON_MAIN, ...options.environment, ...options.paths], {
    stdio: 'inherit',
    env,
  });
  supervise(child, (code) => {
    if (code !== 0 && Date.now() - started < EARLY_EXIT_MS) {
      startBrowserMode(options, [`the Electron window could not start (exit code ${code})`]);
    } else {
      process.exit(code);
    }
  });
}

function startBrowserMode(options, reasons) {
  if (!existsSync(BROWSER_SERVER)) fatal('dist/ is missing; run npm run build first');

  const serverArguments = [
    '--port',
    String(options.port),
    '--reason',
    reasons.join(' and '),
    ...options.environment,
  ];
  const child = spawn(process.execPath, [BROWSER_SERVER, ...serverArguments, ...options.paths], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => {
    process.stdout.write(text);
    pending += text;
    const url = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(pending)?.[1];
    if (url && options.open && hasDisplay()) openInSystemBrowser(url);
    if (url) pending = '';
  });
  supervise(child, (code) => process.exit(code));
}

function openInSystemBrowser(url) {
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['rundll32', 'url.dll,FileProtocolHandler', url]
        : ['xdg-open', url];
  const opener = spawn(command, args, { stdio: 'ignore', detached: true });
  opener.on('error', () => console.error('Opsdesk: could not open a browser; open the URL above.'));
  opener.unref();
}

const options = parseArguments(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
const mode = chooseMode(options);
if (mode.electron) startElectron(mode.electron, options);
else startBrowserMode(options, mode.reasons);
