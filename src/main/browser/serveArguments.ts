import path from 'node:path';
import {
  ENVIRONMENT_USAGE,
  takeEnvironmentArguments,
  type EnvironmentArguments,
} from '../environments/environmentArguments';

/** The command line of the browser-mode server, parsed. */
export interface ServeArguments extends EnvironmentArguments {
  /** 0 picks a free port. */
  port: number;
  /** Why browser mode was chosen, said in the printed line and in the app. */
  reason?: string;
  /** Log files to open at start, absolute. */
  paths: string[];
}

/**
 * Parses `[--port N] [--reason TEXT] [--env NAME] [--environments FILE] [FILE...]`.
 *
 * Relative files are taken from `cwd`.
 *
 * Throws an Error whose message says what is wrong, for the command line to print.
 */
export function parseServeArguments(argv: string[], cwd: string): ServeArguments {
  const { environment, rest } = takeEnvironmentArguments(argv, cwd);
  const parsed: ServeArguments = { port: 0, paths: [], ...environment };

  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index];
    if (argument === '--port') {
      parsed.port = portNumber(rest[(index += 1)]);
    } else if (argument === '--reason') {
      parsed.reason = rest[(index += 1)];
    } else if (argument.startsWith('-')) {
      throw new Error(
        `Unknown option ${argument}. Usage: [--port N] [--reason TEXT] ${ENVIRONMENT_USAGE} [FILE...]`,
      );
    } else {
      parsed.paths.push(path.resolve(cwd, argument));
    }
  }
  return parsed;
}

function portNumber(text: string | undefined): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port needs a number from 0 to 65535, not ${text ?? 'nothing'}.`);
  }
  return port;
}
