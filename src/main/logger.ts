import log from 'electron-log/node';

/** A logger bound to one module; every line carries the module's name. */
export interface ScopedLogger {
  error(...parts: unknown[]): void;
  warn(...parts: unknown[]): void;
  info(...parts: unknown[]): void;
  debug(...parts: unknown[]): void;
}

// Credentials must never reach a log line, whoever wrote the call.
const SECRET_PATTERNS: [RegExp, string][] = [
  [/(token=)[\w.-]+/gi, '$1[redacted]'],
  [/(Bearer\s+)[\w.-]+/gi, '$1[redacted]'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '[redacted-key-id]'],
  [
    /("?(?:secretAccessKey|sessionToken|accessToken|SecretAccessKey|SessionToken)"?\s*[:=]\s*"?)[^",\s}]+/g,
    '$1[redacted]',
  ],
];

/** Removes anything that looks like a credential or token from a log text. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  );
}

log.hooks.push((message) => {
  message.data = message.data.map((part) =>
    typeof part === 'string' ? redactSecrets(part) : part,
  );
  return message;
});

/**
 * Sends this process's log lines to stderr only, at `warn` and above.
 *
 * The command-line entry prints JSON on stdout, which log lines must not mix
 * with; and no log file is wanted for a one-off command.
 */
export function useQuietConsoleLogging(): void {
  log.transports.file.level = false;
  log.transports.console.level = 'warn';
  log.transports.console.writeFn = ({ message }) => {
    process.stderr.write(`${message.scope ?? ''} ${message.level}: ${message.data.join(' ')}\n`);
  };
}

/** Points the log file at a folder, e.g. Electron's logs path. */
export function setLogFolder(folder: string): void {
  log.transports.file.resolvePathFn = () => `${folder}/opsdesk.log`;
}

/** Returns the logger for one module of the main process. */
export function createLogger(moduleName: string): ScopedLogger {
  return log.scope(moduleName);
}
