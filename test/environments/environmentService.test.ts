import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEnvironmentService } from '../../src/main/environments/environmentService';
import { startSandbox } from '../../src/sandbox';

const services: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
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
