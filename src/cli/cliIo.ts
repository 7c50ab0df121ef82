/** Where a command writes; the entry passes the process streams, tests capture. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A mistake in how the command was called; printed with the usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One subcommand of `opsdesk`: its usage line and what it does. */
export interface CliCommand {
  usage: string;
  summary: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
