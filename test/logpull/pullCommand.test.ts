import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { parsePullArgs, runPull } from '../../src/cli/pullCommand';
import { useQuietConsoleLogging } from '../../src/main/logger';
import { startSandbox } from '../../src/sandbox';

const HOUR = 3_600_000;
let dataDir: string;

beforeAll(async () => {
  useQuietConsoleLogging();
  dataDir = await mkdtemp(path.join(tmpdir(), 'opsdesk-pull-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (text: string) => (out.stdout += text),
      stderr: (text: string) => (out.stderr += text),
    },
  };
}

describe('opsdesk pull', () => {
  it('pulls a group for --since and prints a JSON summary', async () => {
    const { out, io } = capture();
    const code = await runPull(
      ['--env', 'sandbox', '--group', '/ecs/demo/web', '--since', '6h', '--data-dir', dataDir],
      io,
      { startSandbox: () => startSandbox({ timeScale: 0.1 }) },
    );
    expect(code).toBe(0);
    const summary = JSON.parse(out.stdout);
    expect(summary).toMatchObject({
      environment: 'sandbox',
      logGroups: ['/ecs/demo/web'],
      state: 'done',
      duplicatesDropped: 0,
      dataDir,
    });
    // 3,000 generated events a day: about 750 in six hours.
    expect(summary.events).toBeGreaterThan(700);
    expect(summary.events).toBeLessThan(800);
  });

  it('lets `logs --env` query what was pulled', async () => {
    const { out, io } = capture();
    const code = await runCli(
      ['logs', '--env', 'sandbox', '--data-dir', dataDir, '--query', 'status:>=200', '--json'],
      io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.sources).toHaveLength(1);
    expect(report.sources[0]).toMatchObject({ name: '/ecs/demo/web', state: 'ready' });
    expect(report.matches).toBeGreaterThan(100);
  });

  it('refuses a group the profile does not list', async () => {
    const { out, io } = capture();
    const code = await runPull(
      ['--env', 'sandbox', '--group', '/ecs/opsdesk-build', '--since', '1h', '--data-dir', dataDir],
      io,
      { startSandbox: () => startSandbox({ timeScale: 0.1 }) },
    );
    expect(code).toBe(2);
    expect(out.stderr).toMatch(/does not list the log group \/ecs\/opsdesk-build/);
  });
});

describe('pull arguments', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');

  it('reads --since as a range ending now', () => {
    const parsed = parsePullArgs(['--group', 'g', '--since', '6h'], now);
    expect(parsed).toMatchObject({ from: now - 6 * HOUR, to: now, refresh: false, rateQuota: 5 });
  });

  it('reads --from and --to as dates and times', () => {
    const parsed = parsePullArgs(
      ['--group', 'g', '--from', '2026-12-01T00:00Z', '--to', '2026-12-02T00:00Z'],
      now,
    );
    expect(parsed.to! - parsed.from!).toBe(24 * HOUR);
  });

  it('asks for exactly one way of giving the range', () => {
    expect(() => parsePullArgs(['--group', 'g'], now)).toThrow(/one of --since, --from/);
    expect(() => parsePullArgs(['--group', 'g', '--since', '1h', '--refresh'], now)).toThrow(
      /one of --since/,
    );
    expect(() => parsePullArgs(['--group', 'g', '--since', 'six hours'], now)).toThrow(
      /duration such as 6h/,
    );
  });
});
