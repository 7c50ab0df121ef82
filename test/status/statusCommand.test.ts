import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { runStatus } from '../../src/cli/statusCommand';
import type { RunningSandbox } from '../../src/sandbox';
import type { StatusSnapshot } from '../../src/shared/status';
import { clientsFor, startTestSandbox } from '../sandbox/sandboxClients';

let sandbox: RunningSandbox;
let configDir: string;

beforeAll(async () => {
  ({ sandbox } = await startTestSandbox({ timeScale: 0.05 }));
  configDir = mkdtempSync(path.join(tmpdir(), 'opsdesk-status-'));
});

afterAll(async () => {
  await sandbox?.close();
  rmSync(configDir, { recursive: true, force: true });
});

beforeEach(() => sandbox.controls.reset());

/** Runs `opsdesk status ARGS` against `endpoint` (the test's sandbox), capturing what it prints. */
async function status(...args: string[]) {
  return statusAt(sandbox.endpoint, ...args);
}

async function statusAt(endpoint: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
  };
  const code = await runStatus(['--config-dir', configDir, ...args], io, {
    // The sandbox belongs to the test, so the command must not close it.
    startSandbox: async () => ({ endpoint, close: async () => undefined }),
  });
  return { code, stdout, stderr };
}

describe('opsdesk status --json', () => {
  it('prints the sandbox’s services with the commit they run, and exits 0 when healthy', async () => {
    const facts = sandbox.controls.facts();

    const { code, stdout } = await status('--json');
    const snapshot = JSON.parse(stdout) as StatusSnapshot;

    expect(code).toBe(0);
    expect(snapshot.environment).toBe('sandbox');
    expect(snapshot.services.map((service) => service.serviceName)).toEqual(['web', 'worker']);
    for (const service of snapshot.services) {
      expect(service.images.map((image) => [image.imageDigest, image.commitHash])).toEqual([
        [facts.runningImage.imageDigest, facts.runningImage.commitHash],
      ]);
    }
    expect(snapshot.health).toMatchObject({
      healthy: true,
      runningCommits: [facts.runningImage.commitHash],
    });
    const running = snapshot.repositories[0].images.filter((image) => image.runningIn.length > 0);
    expect(running.map((image) => [image.imageDigest, image.runningIn])).toEqual([
      [facts.runningImage.imageDigest, ['web', 'worker']],
    ]);
    expect(snapshot.databases[0].snapshots).toHaveLength(5);
  });

  it('exits 1 after a deployment failed, naming it among the problems', async () => {
    const facts = sandbox.controls.facts();
    sandbox.controls.failNext('opsdesk-deploy', 'rollout-failed');
    const answer = await clientsFor(sandbox.endpoint).lambda.send(
      new InvokeCommand({
        FunctionName: 'opsdesk-deploy',
        Payload: Buffer.from(
          JSON.stringify({ imageDigest: facts.latestImage.imageDigest, service: 'web' }),
        ),
      }),
    );
    expect(answer.FunctionError).toBe('Unhandled');

    const { code, stdout } = await status('--json');
    const snapshot = JSON.parse(stdout) as StatusSnapshot;

    expect(code).toBe(1);
    expect(snapshot.health.problems).toEqual([
      'web: deployment of web:8 failed: ECS deployment circuit breaker: tasks failed to start.',
    ]);
  });

  it('exits 2 with the reason when AWS cannot be reached', async () => {
    // Nothing listens on the discard port of loopback: every call is refused.
    const { code, stdout, stderr } = await statusAt('http://127.0.0.1:9', '--json');

    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      environment: 'sandbox',
      error: expect.stringContaining('ecs:ListTasks'),
    });
    expect(stderr).toMatch(/^opsdesk status: .*ecs:ListTasks/m);
  });
});

describe('opsdesk status as text', () => {
  it('starts with the health line and lists each service with its short commit', async () => {
    const commit = sandbox.controls.facts().runningImage.commitHash.slice(0, 7);

    const { code, stdout } = await status();

    expect(code).toBe(0);
    expect(stdout.split('\n')[1]).toBe(
      `All services healthy · running commit ${commit} · nothing in progress`,
    );
    expect(stdout).toMatch(new RegExp(`^  web  ACTIVE  2/2 running  web:7  ${commit}$`, 'm'));
  });

  it('refuses an environment that does not exist, with exit code 2', async () => {
    let stderr = '';
    const code = await runCli(['status', '--env', 'nope', '--config-dir', configDir], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
    });

    expect(code).toBe(2);
    expect(stderr).toContain('there is no environment named "nope"');
  });
});
