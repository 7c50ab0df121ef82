import { describe, expect, it } from 'vitest';
import { takeEnvironmentArguments } from '../../src/main/environments/environmentArguments';
import { pathsFromArgv } from '../../src/main/electron/startupPaths';
import { parseServeArguments } from '../../src/main/browser/serveArguments';

describe('--env and --environments on a command line', () => {
  it('takes both options out, in either spelling, and leaves the rest in order', () => {
    expect(
      takeEnvironmentArguments(
        ['a.log', '--env', 'prod', '--port', '0', '--environments=conf/envs.json', 'b.log'],
        '/home/ops',
      ),
    ).toEqual({
      environment: { initialEnvironment: 'prod', environmentsFile: '/home/ops/conf/envs.json' },
      rest: ['a.log', '--port', '0', 'b.log'],
    });
    expect(takeEnvironmentArguments(['--env=staging'], '/')).toEqual({
      environment: { initialEnvironment: 'staging' },
      rest: [],
    });
  });

  it('refuses an option without its value', () => {
    expect(() => takeEnvironmentArguments(['--env'], '/')).toThrow('--env needs a value');
    expect(() => takeEnvironmentArguments(['--environments', '--env', 'x'], '/')).toThrow(
      '--environments needs a value',
    );
  });

  it('passes them to browser mode beside its own options', () => {
    expect(
      parseServeArguments(['--env', 'prod', '--environments', 'e.json', '--port', '8080'], '/srv'),
    ).toEqual({
      port: 8080,
      paths: [],
      initialEnvironment: 'prod',
      environmentsFile: '/srv/e.json',
    });
  });

  it('keeps their values out of the log files the desktop app opens at start', () => {
    const argv = ['electron', 'main.cjs', '--env', 'prod', 'app.log', '--environments', 'e.json'];
    expect(pathsFromArgv(argv, '/home/ops', false)).toEqual(['/home/ops/app.log']);
  });
});
