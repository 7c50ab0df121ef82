import { parseArgs } from 'node:util';
import { fillPolicy, policyValuesFor } from '../../main/aws/iamPolicy';
import { defaultConfigFolder, loadEnvironments } from '../../main/environments';
import { useQuietConsoleLogging } from '../../main/logger';
import type { CliCommand } from '../cliIo';

/** Where the command writes: stdout gets only the policy, so it can be redirected. */
export interface CommandOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const ARGUMENTS = '--env NAME [--file environments.json] [--config-dir DIR] [--account ID]';
const USAGE = `usage: iam-policy ${ARGUMENTS}`;

/**
 * `iam-policy --env NAME`: prints iam-policy.json filled in for one environment.
 *
 * Returns the exit code. The account comes from `--account`, else from the
 * environment's `accountId`; without either it stays `${Account}`.
 */
export async function runIamPolicyCommand(
  args: string[],
  output: CommandOutput = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
): Promise<number> {
  useQuietConsoleLogging();
  let options;
  try {
    options = parseArgs({
      args,
      options: {
        env: { type: 'string' },
        file: { type: 'string' },
        'config-dir': { type: 'string' },
        account: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    output.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!options.env) {
    output.stderr(`${USAGE}\n`);
    return 2;
  }
  if (options.account !== undefined && !/^\d{12}$/.test(options.account)) {
    output.stderr('--account must be a 12-digit AWS account id\n');
    return 2;
  }

  const { environments, problems } = await loadEnvironments({
    configDir: options['config-dir'] ?? defaultConfigFolder(),
    extraFile: options.file,
  });
  for (const problem of problems) output.stderr(`${problem.text}\n`);

  const environment = environments.find((candidate) => candidate.name === options.env);
  if (!environment) {
    const known = environments.map((candidate) => candidate.name).join(', ');
    output.stderr(`No environment named "${options.env}". Known: ${known}\n`);
    return 1;
  }

  const values = policyValuesFor(environment, options.account);
  if (!values.Account) {
    output.stderr('The account is unknown: ${Account} is left in; pass --account ID.\n');
  }
  output.stdout(`${JSON.stringify(fillPolicy(values), null, 2)}\n`);
  return 0;
}

/** `opsdesk iam-policy`: the least-privilege policy for one environment. */
export const iamPolicyCommand: CliCommand = {
  usage: `iam-policy ${ARGUMENTS}`,
  summary: 'Print iam-policy.json filled in with the names of one environment.',
  run: (args, io) => runIamPolicyCommand(args, io),
};
