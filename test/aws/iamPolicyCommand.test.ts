import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIamPolicyCommand } from '../../src/cli/commands/iamPolicy';

describe('iam-policy --env NAME', () => {
  let folder: string;
  let stdout: string;
  let stderr: string;
  const output = {
    stdout: (text: string) => void (stdout += text),
    stderr: (text: string) => void (stderr += text),
  };

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-iam-'));
    stdout = '';
    stderr = '';
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints the policy filled in for an environment of the config folder', async () => {
    await writeFile(
      path.join(folder, 'environments.json'),
      JSON.stringify({
        environments: [
          {
            name: 'prod',
            region: 'eu-central-1',
            cluster: 'shop',
            ecrRepositories: ['shop/api'],
          },
        ],
      }),
    );

    const code = await runIamPolicyCommand(
      ['--env', 'prod', '--config-dir', folder, '--account', '210987654321'],
      output,
    );

    expect(code).toBe(0);
    const policy = JSON.parse(stdout);
    const describeImages = policy.Statement.find((statement: { Action: string[] }) =>
      statement.Action.includes('ecr:DescribeImages'),
    );
    expect(describeImages.Resource).toEqual([
      'arn:aws:ecr:eu-central-1:210987654321:repository/shop/api',
    ]);
    expect(stderr).toBe('');
  });

  it('warns on stderr when the account is unknown, keeping stdout pure JSON', async () => {
    await writeFile(
      path.join(folder, 'environments.json'),
      JSON.stringify({ environments: [{ name: 'prod', region: 'eu-central-1', cluster: 'shop' }] }),
    );

    const code = await runIamPolicyCommand(['--env', 'prod', '--config-dir', folder], output);

    expect(code).toBe(0);
    expect(JSON.parse(stdout).Statement.length).toBeGreaterThan(0);
    expect(stderr).toBe('The account is unknown: ${Account} is left in; pass --account ID.\n');
  });

  it('fails naming the known environments when the name is unknown', async () => {
    const code = await runIamPolicyCommand(['--env', 'staging', '--config-dir', folder], output);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('No environment named "staging". Known: sandbox\n');
  });

  it('shows the usage without --env', async () => {
    const code = await runIamPolicyCommand([], output);

    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: iam-policy --env NAME/);
  });
});
