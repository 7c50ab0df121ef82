import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/cliIo';
import { runCli } from '../../src/cli/main';
import { resolveEnvironment } from '../../src/cli/resolveEnvironment';
import { terminalPrompts } from '../../src/cli/terminalPrompts';
import { startSandbox } from '../../src/sandbox';

let folder: string;
let stderr: string;
let stdout: string;
const io = {
  stdout: (text: string) => void (stdout += text),
  stderr: (text: string) => void (stderr += text),
};

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-cli-env-'));
  stdout = '';
  stderr = '';
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('resolveEnvironment for a command', () => {
  it('opens the sandbox in this process and closes it when the command is done', async () => {
    const close = vi.fn();
    const starts = vi.fn(async () => {
      const sandbox = await startSandbox({ port: 0 });
      return { endpoint: sandbox.endpoint, close: () => sandbox.close().then(close) };
    });

    const resolved = await resolveEnvironment({ env: 'sandbox', 'config-dir': folder }, io, {
      startSandbox: starts,
    });
    const identity = await resolved.clients.sts.getCallerIdentity();
    await resolved.dispose();

    expect(resolved.environment).toMatchObject({ name: 'sandbox', region: 'eu-west-1' });
    expect(identity.arn).toBe('arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/demo');
    expect(starts).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('reads --environments relative to the working folder and prints its problems', async () => {
    await writeFile(
      path.join(folder, 'teams.json'),
      JSON.stringify({
        environments: [
          { name: 'prod', region: 'eu-west-1', cluster: 'shop', readOnly: true },
          { name: 'qa', region: 'eu-west-1' },
        ],
      }),
    );

    const resolved = await resolveEnvironment(
      { env: 'prod', environments: 'teams.json', 'config-dir': folder },
      io,
      { cwd: folder, startSandbox: () => Promise.reject(new Error('not the sandbox')) },
    );
    await resolved.dispose();

    expect(resolved.environment).toMatchObject({ name: 'prod', readOnly: true, cluster: 'shop' });
    expect(stderr).toBe('teams.json: environment "qa", field cluster: Required\n');
  });

  it('names the known environments when --env names none of them', async () => {
    const attempt = resolveEnvironment({ env: 'prdo', 'config-dir': folder }, io, {
      startSandbox: () => Promise.reject(new Error('not the sandbox')),
    });

    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('there is no environment named "prdo"; known: sandbox.');
  });
});

describe('credentials prompts on the terminal', () => {
  it('reads the MFA code from the terminal', async () => {
    const ask = vi.fn(async () => ' 123456\n');
    const prompts = terminalPrompts(io, ask);

    const code = await prompts.mfa.codeProvider('prod')('arn:aws:iam::123456789012:mfa/alice');

    expect(code).toBe('123456');
    expect(ask).toHaveBeenCalledWith('MFA code of arn:aws:iam::123456789012:mfa/alice for prod: ');
  });

  it('cancels the sign-in when what was typed is not a code', async () => {
    const prompts = terminalPrompts(io, async () => 'yes');

    await expect(prompts.mfa.codeProvider('prod')('serial')).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(stderr).toBe('An MFA code is 6 digits.\n');
  });
});

describe('opsdesk iam-policy', () => {
  it('prints the policy of an environment named with --env', async () => {
    const code = await runCli(['iam-policy', '--env', 'sandbox', '--config-dir', folder], io);

    expect(code).toBe(0);
    const policy = JSON.parse(stdout);
    expect(policy.Version).toBe('2012-10-17');
    expect(JSON.stringify(policy)).toContain(
      'arn:aws:ecs:eu-west-1:123456789012:cluster/demo-cluster',
    );
  });
});
