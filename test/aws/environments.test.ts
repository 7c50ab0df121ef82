import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_ENVIRONMENT_NAME,
  defaultConfigFolder,
  loadEnvironments,
  parseEnvironmentsText,
} from '../../src/main/environments';

const production = {
  name: 'prod',
  label: 'Production',
  region: 'eu-central-1',
  readOnly: true,
  credentials: { profile: 'ops-prod' },
  cluster: 'prod-cluster',
  services: ['api'],
  ecrRepositories: ['shop/api'],
  databases: { instances: ['shop-db'] },
  logGroups: ['/ecs/shop/api'],
  workflows: [
    {
      id: 'deploy',
      kind: 'lambda',
      functionName: 'shop-deploy',
      action: 'deploy',
      parameters: [{ name: 'image', source: 'image' }],
      confirmation: 'confirm',
    },
    {
      id: 'restore',
      kind: 'ecs-task',
      taskDefinitionFamily: 'shop-restore',
      containerName: 'restore',
      subnets: ['subnet-1'],
      action: 'restore',
      parameters: [{ name: 'snapshot', source: 'snapshot' }],
      confirmation: 'type-environment-name',
    },
  ],
};

function fileWith(...environments: unknown[]): string {
  return JSON.stringify({ environments });
}

describe('environments.json validation', () => {
  it('accepts a complete environment and fills in defaults', () => {
    const { environments, problems } = parseEnvironmentsText(
      fileWith(production),
      'environments.json',
    );

    expect(problems).toEqual([]);
    expect(environments).toHaveLength(1);
    const [prod] = environments;
    expect(prod.readOnly).toBe(true);
    expect(prod.databases).toEqual({ instances: ['shop-db'], clusters: [] });
    expect(prod.workflows[1]).toMatchObject({
      kind: 'ecs-task',
      launchType: 'FARGATE',
      assignPublicIp: false,
      securityGroups: [],
    });
  });

  it('names the file, the environment and the field of a missing value', () => {
    const broken = {
      ...production,
      workflows: [
        production.workflows[0],
        production.workflows[1],
        { id: 'backup', kind: 'lambda', action: 'backup' },
      ],
    };

    const { environments, problems } = parseEnvironmentsText(fileWith(broken), 'environments.json');

    expect(environments).toEqual([]);
    expect(problems.map((problem) => problem.text)).toEqual([
      'environments.json: environment "prod", field workflows[2].functionName: Required',
    ]);
    expect(problems[0]).toMatchObject({
      file: 'environments.json',
      environment: 'prod',
      field: 'workflows[2].functionName',
    });
  });

  it('keeps the valid environments when one is broken', () => {
    const staging = { ...production, name: 'staging', region: 'west' };

    const { environments, problems } = parseEnvironmentsText(
      fileWith(production, staging),
      'environments.json',
    );

    expect(environments.map((environment) => environment.name)).toEqual(['prod']);
    expect(problems).toHaveLength(1);
    expect(problems[0].text).toMatch(/^environments\.json: environment "staging", field region: /);
  });

  it('labels an environment without a name by its position', () => {
    const { problems } = parseEnvironmentsText(
      fileWith(production, { region: 'eu-west-1', cluster: 'c' }),
      'team.json',
    );

    expect(problems[0].text).toBe('team.json: environment "#2", field name: Required');
  });

  it('refuses a parameter source outside the fixed list', () => {
    const freeText = {
      ...production,
      workflows: [{ ...production.workflows[0], parameters: [{ name: 'tag', source: 'text' }] }],
    };

    const { problems } = parseEnvironmentsText(fileWith(freeText), 'environments.json');

    expect(problems[0].field).toBe('workflows[0].parameters[0].source');
  });

  it('refuses an endpoint override that is not on this machine', () => {
    const remote = { ...production, credentials: { endpoint: 'https://aws.example.com' } };

    const { problems } = parseEnvironmentsText(fileWith(remote), 'environments.json');

    expect(problems[0].field).toBe('credentials.endpoint');
  });

  it('refuses two workflows with the same id', () => {
    const twice = { ...production, workflows: [production.workflows[0], production.workflows[0]] };

    const { problems } = parseEnvironmentsText(fileWith(twice), 'environments.json');

    expect(problems.map((problem) => problem.text)).toEqual([
      'environments.json: environment "prod", field workflows[1].id: duplicate workflow id "deploy"',
    ]);
  });

  it('refuses the reserved sandbox name', () => {
    const { environments, problems } = parseEnvironmentsText(
      fileWith({ ...production, name: SANDBOX_ENVIRONMENT_NAME }),
      'environments.json',
    );

    expect(environments).toEqual([]);
    expect(problems[0].text).toBe(
      'environments.json: environment "sandbox", field name: is reserved for the built-in sandbox',
    );
  });

  it('reports text that is not JSON with the file name', () => {
    const { problems } = parseEnvironmentsText('{ "environments": [', 'environments.json');

    expect(problems[0].text).toMatch(/^environments\.json: is not valid JSON: /);
  });

  it('reports a file without an environments list', () => {
    const { problems } = parseEnvironmentsText('{ "envs": [] }', 'environments.json');

    expect(problems.map((problem) => problem.field)).toContain('environments');
  });
});

describe('loading environments from the config folder and the command line', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-env-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('opens the built-in sandbox first, even without any file', async () => {
    const { environments, problems } = await loadEnvironments({
      configDir: folder,
      sandboxEndpoint: 'http://127.0.0.1:45123',
    });

    expect(problems).toEqual([]);
    expect(environments.map((environment) => environment.name)).toEqual(['sandbox']);
    expect(environments[0].credentials).toEqual({ endpoint: 'http://127.0.0.1:45123' });
    expect(environments[0].cluster).toBe('demo-cluster');
  });

  it('adds the config folder file and then the command-line file', async () => {
    await writeFile(path.join(folder, 'environments.json'), fileWith(production));
    const extraFile = path.join(folder, 'staging.json');
    await writeFile(extraFile, fileWith({ ...production, name: 'staging' }));

    const { environments } = await loadEnvironments({ configDir: folder, extraFile });

    expect(environments.map((environment) => environment.name)).toEqual([
      'sandbox',
      'prod',
      'staging',
    ]);
  });

  it('reports a command-line file that does not exist', async () => {
    const { problems } = await loadEnvironments({
      configDir: folder,
      extraFile: path.join(folder, 'missing.json'),
    });

    expect(problems.map((problem) => problem.text)).toEqual(['missing.json: file not found']);
  });

  it('keeps the first of two environments with the same name', async () => {
    await writeFile(path.join(folder, 'environments.json'), fileWith(production));
    const extraFile = path.join(folder, 'other.json');
    await writeFile(extraFile, fileWith({ ...production, region: 'us-east-1' }));

    const { environments, problems } = await loadEnvironments({ configDir: folder, extraFile });

    expect(environments.find((environment) => environment.name === 'prod')?.region).toBe(
      'eu-central-1',
    );
    expect(problems[0].text).toBe(
      'other.json: environment "prod", field name: is already used by another environment',
    );
  });
});

describe('the default config folder', () => {
  it('follows XDG on Linux', () => {
    expect(defaultConfigFolder('linux', {}, '/home/ana')).toBe('/home/ana/.config/opsdesk');
    expect(defaultConfigFolder('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(
      '/cfg/opsdesk',
    );
  });

  it('uses APPDATA on Windows', () => {
    expect(
      defaultConfigFolder(
        'win32',
        { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        'C:\\Users\\ana',
      ),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Opsdesk');
  });
});
