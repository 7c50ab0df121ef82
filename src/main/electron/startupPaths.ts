import path from 'node:path';

/**
 * The log files named on a command line, as absolute paths.
 *
 * The first arguments are the executable and, when not packaged, the main
 * script; arguments starting with `-` are switches for Electron or Chromium.
 */
export function pathsFromArgv(argv: string[], workingDirectory: string, isPackaged: boolean) {
  return argv
    .slice(isPackaged ? 1 : 2)
    .filter((argument) => argument.length > 0 && !argument.startsWith('-'))
    .map((argument) => path.resolve(workingDirectory, argument));
}
