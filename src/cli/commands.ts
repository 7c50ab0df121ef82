import type { CliCommand } from './cliIo';
import { iamPolicyCommand } from './commands/iamPolicy';
import { logsCommand } from './logsCommand';
import { pullCommand } from './pullCommand';
import { statusCommand } from './statusCommand';

/**
 * Every `opsdesk` subcommand by name. A new command (`status`, `pull`) is a
 * file of its own plus one line here.
 */
export const COMMANDS: Record<string, CliCommand> = {
  logs: logsCommand,
  pull: pullCommand,
  status: statusCommand,
  'iam-policy': iamPolicyCommand,
};
