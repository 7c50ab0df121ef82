import path from 'node:path';
import { ENVIRONMENT_OPTIONS } from '../environments/environmentArguments';

/**
 * The log files named on a command line, as absolute paths.
 *
 * The first arguments are the executable and, when not packaged, the main
 * script; arguments starting with `-` are switches for Electron or Chromium,
 * and the value after `--env` or `--environments` is a name, not a file.
 */
export function pathsFromArgv(argv: string[], workingDirectory: string, isPackaged: boolean) {
  const options: readonly string[] = ENVIRONMENT_OPTIONS;
  return argv
    .slice(isPackaged ? 1 : 2)
    .filter((_argument, index, args) => !options.includes(args[index - 1]))
    .filter((argument) => argument.length > 0 && !argument.startsWith('-'))
    .map((argument) => path.resolve(workingDirectory, argument));
}
