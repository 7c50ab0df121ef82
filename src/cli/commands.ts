import type { CliCommand } from './cliIo';
import { logsCommand } from './logsCommand';

/**
 * Every `opsdesk` subcommand by name. A new command (`status`, `pull`) is a
 * file of its own plus one line here.
 */
export const COMMANDS: Record<string, CliCommand> = {
  logs: logsCommand,
};
