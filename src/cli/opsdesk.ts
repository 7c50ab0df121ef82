// The `opsdesk` command line (dist/cli/opsdesk.cjs): runs a subcommand and
// exits with its code. Log lines go to stderr so stdout stays clean JSON.
import { silenceSdkNodeVersionWarning } from '../main/aws/nodeVersionWarning';
import { useQuietConsoleLogging } from '../main/logger';
import { exitQuietlyWhenOutputCloses } from './closedOutput';
import { runCli } from './main';

silenceSdkNodeVersionWarning();
useQuietConsoleLogging();
exitQuietlyWhenOutputCloses(process.stdout, (code) => process.exit(code));

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`opsdesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
