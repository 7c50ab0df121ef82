import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './main';

let folder: string;
let fixture: string;
let timedFixture: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'opsdesk-cli-'));
  fixture = path.join(folder, 'app.log');
  await writeFile(
    fixture,
    ['checkout started', 'payment refused', 'checkout finished', ''].join('\n'),
  );
  timedFixture = path.join(folder, 'timed.log');
  await writeFile(
    timedFixture,
    [
      '2024-03-04T00:10:00Z INFO checkout started',
      '2024-03-04T00:20:00Z ERROR payment refused',
      '2024-03-04T05:30:00Z INFO checkout finished',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('opsdesk logs --json', () => {
  it('prints sources, the match count, the histogram and the records', async () => {
    const { code, stdout, stderr } = await run(
      'logs',
      fixture,
      '--query',
      'checkout',
      '--json',
      '--tz',
      'UTC',
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout);
    expect(report.sources).toEqual([
      { name: 'app.log', path: fixture, format: expect.any(String), state: 'ready', records: 3 },
    ]);
    expect(report.matches).toBe(2);
    expect(report.histogram).toMatchObject({ timeZone: 'UTC', untimed: 2, buckets: [] });
    expect(
      report.records.map((record: { message: string; line: number }) => [
        record.line,
        record.message,
      ]),
    ).toEqual([
      [1, 'checkout started'],
      [3, 'checkout finished'],
    ]);
  });

  it('honours --limit', async () => {
    const report = JSON.parse((await run('logs', fixture, '--limit', '1', '--json')).stdout);
    expect(report.matches).toBe(3);
    expect(report.records).toHaveLength(1);
  });
});

describe('opsdesk logs as text', () => {
  it('summarises for a person', async () => {
    const { code, stdout } = await run('logs', fixture, '--query', 'refused');
    expect(code).toBe(0);
    expect(stdout).toContain('app.log: ready');
    expect(stdout).toContain('1 events matching "refused"');
    expect(stdout).toContain('payment refused');
  });

  it('draws only the histogram buckets that hold events and counts the empty ones', async () => {
    const { code, stdout } = await run('logs', timedFixture, '--bucket', 'hour', '--tz', 'UTC');
    expect(code).toBe(0);
    const chart = stdout.slice(stdout.indexOf('Per hour'), stdout.indexOf('\nNewest'));
    expect(chart.trimEnd().split('\n')).toEqual([
      'Per hour (UTC): 2 of 6 have events; the 4 empty ones are not shown',
      `  2024-03-04 00:00        2 ${'#'.repeat(40)}  (1 error)`,
      `  2024-03-04 05:00        1 ${'#'.repeat(20)}`,
    ]);
  });

  it('draws every bucket without a note when none is empty', async () => {
    const { stdout } = await run('logs', timedFixture, '--bucket', 'day', '--tz', 'UTC');
    expect(stdout).toContain(`Per day (UTC):\n  2024-03-04 00:00        3 ${'#'.repeat(40)}`);
  });
});

describe('opsdesk logs --query starting with a dash', () => {
  it('takes the next argument as the query, as if written --query=-word', async () => {
    for (const spelling of [['--query', '-refused'], ['-q', '-refused'], ['--query=-refused']]) {
      const report = JSON.parse((await run('logs', fixture, ...spelling, '--json')).stdout);
      expect(report.query).toBe('-refused');
      expect(report.matches).toBe(2);
    }
  });

  it('still reports a missing query before another option, naming the = form', async () => {
    const { code, stderr } = await run('logs', fixture, '--query', '--json');
    expect(code).toBe(2);
    expect(stderr).toContain("use '--query=-XYZ'");
  });

  it('is explained in --help', async () => {
    const { stdout } = await run('--help');
    expect(stdout).toContain('--query -status:200 (or --query=-status:200)');
  });
});

describe('opsdesk mistakes', () => {
  it('exits 2 with the position of a bad query on stderr', async () => {
    const { code, stdout, stderr } = await run('logs', fixture, '--query', 'a (b', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('opsdesk logs: bad query: Expected ) to close the ( at 2\n  a (b\n    ^\n');
  });

  it('exits 2 for an unknown option or command, with the usage', async () => {
    const option = await run('logs', fixture, '--colour');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Usage: opsdesk logs FILE...');
    const command = await run('deploy');
    expect(command).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command deploy'),
    });
  });

  it('exits 1 when no file could be read', async () => {
    const { code, stdout } = await run('logs', path.join(folder, 'missing.log'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).sources[0]).toMatchObject({ state: 'failed' });
  });
});
