import { COMMANDS } from './commands';
import { UsageError, type CliIo } from './cliIo';

function usage(): string {
  const lines = Object.values(COMMANDS).map(
    (command) => `  opsdesk ${command.usage}\n      ${command.summary}`,
  );
  return `Usage:\n${lines.join('\n')}\n`;
}

/** Runs `opsdesk` with `args` (after the program name); resolves to the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`opsdesk: unknown command ${name}\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`opsdesk ${name}: ${error.message}\nUsage: opsdesk ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
