import path from 'node:path';
import type { Environment } from '../shared/environments';
import type { AwsClients } from '../main/aws';
import { defaultConfigFolder } from '../main/environments';
import {
  createEnvironmentService,
  type EnvironmentServiceOptions,
} from '../main/environments/environmentService';
import { startSandbox } from '../sandbox';
import { UsageError, type CliIo } from './cliIo';
import { terminalPrompts, type AskLine } from './terminalPrompts';

/** The `parseArgs` options of every command that works on an environment. */
export const ENVIRONMENT_CLI_OPTIONS = {
  env: { type: 'string' },
  environments: { type: 'string' },
  'config-dir': { type: 'string' },
} as const;

/** The usage text of those options. */
export const ENVIRONMENT_CLI_USAGE = '[--env NAME] [--environments FILE] [--config-dir DIR]';

/** The values of those options, as `parseArgs` returns them. */
export interface EnvironmentCliArgs {
  env?: string;
  environments?: string;
  'config-dir'?: string;
}

/** An environment opened for one command, with its clients; dispose when done. */
export interface ResolvedEnvironment {
  environment: Environment;
  clients: AwsClients;
  dispose(): Promise<void>;
}

/** What resolving needs from outside; tests replace the sandbox and the terminal. */
export interface ResolveEnvironmentDependencies {
  startSandbox?: EnvironmentServiceOptions['startSandbox'];
  ask?: AskLine;
  cwd?: string;
}

/**
 * Opens the environment a command names (`--env`, the sandbox by default).
 *
 * The sandbox runs in this process for as long as the command does. Problems
 * in the environments files are printed; an unknown name is a usage error
 * listing the known ones.
 */
export async function resolveEnvironment(
  args: EnvironmentCliArgs,
  io: CliIo,
  dependencies: ResolveEnvironmentDependencies = {},
): Promise<ResolvedEnvironment> {
  const cwd = dependencies.cwd ?? process.cwd();
  const service = createEnvironmentService({
    configDir: args['config-dir'] ? path.resolve(cwd, args['config-dir']) : defaultConfigFolder(),
    extraFile: args.environments ? path.resolve(cwd, args.environments) : undefined,
    initial: args.env,
    startSandbox: dependencies.startSandbox ?? (() => startSandbox({ port: 0 })),
    prompts: terminalPrompts(io, dependencies.ask),
  });

  try {
    const list = await service.list();
    for (const problem of list.problems) io.stderr(`${problem}\n`);
    if (!list.environments.some((known) => known.name === list.active)) {
      const known = list.environments.map((environment) => environment.name).join(', ');
      throw new UsageError(`there is no environment named "${list.active}"; known: ${known}.`);
    }
    const { environment, clients } = await service.current();
    return { environment, clients, dispose: () => service.dispose() };
  } catch (error) {
    await service.dispose();
    throw error;
  }
}
