import path from 'node:path';

/** Which environment to open first and which extra environments file to read. */
export interface EnvironmentArguments {
  initialEnvironment?: string;
  /** Absolute. */
  environmentsFile?: string;
}

/** The options every entry (Electron, browser mode, command line) takes, as typed. */
export const ENVIRONMENT_OPTIONS = ['--env', '--environments'] as const;

/** The command-line usage of the environment options. */
export const ENVIRONMENT_USAGE = '[--env NAME] [--environments FILE]';

/**
 * Takes `--env NAME` and `--environments FILE` (or `--env=NAME`) out of a command line.
 *
 * Returns them and every other argument in order, so each entry parses the
 * rest its own way. Throws an Error saying what is missing.
 */
export function takeEnvironmentArguments(
  argv: readonly string[],
  cwd: string,
): { environment: EnvironmentArguments; rest: string[] } {
  const environment: EnvironmentArguments = {};
  const rest: string[] = [];

  for (let index = 0; index < argv.length; index += 1) {
    const [option, inlineValue] = splitOption(argv[index]);
    if (!(ENVIRONMENT_OPTIONS as readonly string[]).includes(option)) {
      rest.push(argv[index]);
      continue;
    }
    const value = inlineValue ?? argv[(index += 1)];
    if (
      value === undefined ||
      value === '' ||
      (inlineValue === undefined && value.startsWith('-'))
    ) {
      throw new Error(`${option} needs a value: ${ENVIRONMENT_USAGE}`);
    }
    if (option === '--env') environment.initialEnvironment = value;
    else environment.environmentsFile = path.resolve(cwd, value);
  }
  return { environment, rest };
}

function splitOption(argument: string): [string, string | undefined] {
  const equals = argument.indexOf('=');
  if (!argument.startsWith('--') || equals < 0) return [argument, undefined];
  return [argument.slice(0, equals), argument.slice(equals + 1)];
}
