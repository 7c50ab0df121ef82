import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEnvironmentService } from '../../src/main/environments/environmentService';
import { startSandbox } from '../../src/sandbox';

const services: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(services.splice(0).map((service) => service.dispose()));
});

async function serviceWith(environmentsFile?: object) {
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-env-'));
  if (environmentsFile) {
    await writeFile(path.join(configDir, 'environments.json'), JSON.stringify(environmentsFile));
  }
  const sandboxStarts = vi.fn(() => startSandbox({ port: 0 }));
  const service = createEnvironmentService({ configDir, startSandbox: sandboxStarts });
  services.push(service);
  return { service, sandboxStarts };
}

describe('environment service', () => {
  it('opens the built-in sandbox on a first start and knows who the caller is', async () => {
    const { service, sandboxStarts } = await serviceWith();

    const list = await service.list();
    expect(list.active).toBe('sandbox');
    expect(list.environments.map((environment) => environment.name)).toEqual(['sandbox']);

    const identity = await service.identity();
    expect(identity.account).toBe('123456789012');
    expect(identity.arn).toBe('arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/demo');

    const { clients } = await service.current();
    const names = (await clients.ecs.listServices()).map((arn) => arn.split('/').pop());
    expect(names.sort()).toEqual(['web', 'worker']);
    expect(sandboxStarts).toHaveBeenCalledTimes(1);
  });

  it('lists environments from the config folder and reports broken ones by file and field', async () => {
    const { service } = await serviceWith({
      environments: [
        { name: 'prod', region: 'eu-west-1', cluster: 'prod', readOnly: true },
        { name: 'staging', region: 'nowhere', cluster: 'staging' },
      ],
    });

    const list = await service.list();
    expect(
      list.environments.map((environment) => [environment.name, environment.readOnly]),
    ).toEqual([
      ['sandbox', false],
      ['prod', true],
    ]);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toContain('environments.json');
    expect(list.problems[0]).toContain('"staging"');
    expect(list.problems[0]).toContain('region');
  });

  it('refuses to switch to an environment that does not exist and keeps the active one', async () => {
    const { service } = await serviceWith();
    await expect(service.activate('nope')).rejects.toMatchObject({ code: 'not-found' });
    expect((await service.list()).active).toBe('sandbox');
  });

  it('tells listeners about a switch', async () => {
    const { service } = await serviceWith({
      environments: [{ name: 'prod', region: 'eu-west-1', cluster: 'prod' }],
    });
    const changes: string[] = [];
    service.onChanged((info) => changes.push(`${info.name}@${info.region}`));

    await service.activate('prod');
    expect(changes).toEqual(['prod@eu-west-1']);
    expect((await service.list()).active).toBe('prod');
  });
});

describe('credentials that ask the user', () => {
  it('asks for the MFA code before asking STS who the caller is, outside the call deadline', async () => {
    const sandbox = await startSandbox({ port: 0 });
    services.push({ dispose: () => sandbox.close() });
    // A profile-based environment normally talks to AWS; here STS is the sandbox.
    vi.stubEnv('AWS_ENDPOINT_URL_STS', sandbox.endpoint);
    const configDir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-env-'));
    await writeFile(
      path.join(configDir, 'environments.json'),
      JSON.stringify({
        environments: [
          {
            name: 'prod',
            region: 'eu-west-1',
            accountId: '123456789012',
            cluster: 'shop',
            credentials: { profile: 'ops' },
          },
        ],
      }),
    );
    const codes: string[] = [];
    const service = createEnvironmentService({
      configDir,
      initial: 'prod',
      startSandbox: () => Promise.reject(new Error('the sandbox environment is not used')),
      clientOptions: { callPolicy: { timeoutMs: 300, throttleWaitsMs: [], sleep: async () => {} } },
      profileResolution: {
        readSignIn: async () => undefined,
        resolveProfile: (_profile, mfaCodeProvider) => async () => {
          codes.push(await mfaCodeProvider!('arn:aws:iam::123456789012:mfa/alice'));
          return { accessKeyId: 'ASIAPROD', secretAccessKey: 'secret' };
        },
      },
    });
    services.push(service);
    const asked: string[] = [];
    service.prompts.mfa.onRequested((prompt) => asked.push(prompt.requestId));

    const identity = service.identity();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    // Longer than the 300 ms an AWS call may take here: typing a code takes a while.
    await new Promise((resolve) => setTimeout(resolve, 400));
    service.prompts.mfa.answer(asked[0], '246810');

    expect(await identity).toMatchObject({
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/demo',
    });
    expect(codes).toEqual(['246810']);
    expect((await service.list()).environments[1]).toEqual({
      name: 'prod',
      label: 'prod',
      region: 'eu-west-1',
      accountId: '123456789012',
      readOnly: false,
      isSandbox: false,
    });
  });

  it('keeps the clients of an environment working after switching away, and reuses them', async () => {
    const { service } = await serviceWith({
      environments: [{ name: 'prod', region: 'eu-west-1', cluster: 'prod' }],
    });
    const before = await service.current();

    await service.activate('prod');
    const names = (await before.clients.ecs.listServices()).map((arn) => arn.split('/').pop());
    expect(names.sort()).toEqual(['web', 'worker']);

    await service.activate('sandbox');
    expect((await service.current()).clients).toBe(before.clients);
  });
});
