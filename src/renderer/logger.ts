import type { OpsdeskBridge } from '../shared/ipc/api';

/** Levels the main process accepts from the renderer. */
type RendererLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** A logger bound to one renderer module; lines go to the main process's log. */
export interface RendererLogger {
  error(...parts: unknown[]): void;
  warn(...parts: unknown[]): void;
  info(...parts: unknown[]): void;
  debug(...parts: unknown[]): void;
}

type LogSink = (level: RendererLogLevel, scope: string, message: string) => void;

// Until the API is connected there is nowhere to write; such early lines are
// kept (a few) and sent once it is.
const EARLY_LINES_KEPT = 50;
let sink: LogSink | null = null;
const early: [RendererLogLevel, string, string][] = [];

function describe(part: unknown): string {
  if (part instanceof Error) return part.stack ?? `${part.name}: ${part.message}`;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

function write(level: RendererLogLevel, scope: string, parts: unknown[]): void {
  const message = parts.map(describe).join(' ').slice(0, 10_000);
  if (sink) sink(level, scope, message);
  else if (early.length < EARLY_LINES_KEPT) early.push([level, scope, message]);
}

/**
 * Sends renderer log lines to the main process, which owns the log file.
 *
 * A failure to log is dropped: reporting it would only log again.
 */
export function connectLogger(api: Pick<OpsdeskBridge, 'app'>): void {
  sink = (level, scope, message) => void api.app.log({ level, scope, message });
  for (const [level, scope, message] of early.splice(0)) sink(level, scope, message);
}

/** Returns the logger for one renderer module. */
export function createLogger(scope: string): RendererLogger {
  return {
    error: (...parts) => write('error', scope, parts),
    warn: (...parts) => write('warn', scope, parts),
    info: (...parts) => write('info', scope, parts),
    debug: (...parts) => write('debug', scope, parts),
  };
}
