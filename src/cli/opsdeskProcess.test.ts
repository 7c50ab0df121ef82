// The built command as a shell runs it: a real process with real pipes.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let folder: string;
let program: string;
let bigLog: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'opsdesk-cli-process-'));
  program = path.join(folder, 'opsdesk.cjs');
  await build({
    entryPoints: [path.resolve(__dirname, 'opsdesk.ts')],
    outfile: program,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'error',
  });

  // Far more output than a pipe buffers, so the writer is still writing when the reader leaves.
  bigLog = path.join(folder, 'big.log');
  const start = Date.parse('2024-03-04T00:00:00Z');
  const lines = Array.from(
    { length: 5000 },
    (_, index) =>
      `${new Date(start + index * 60_000).toISOString()} INFO request ${index} served in 12 ms`,
  );
  await writeFile(bigLog, `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command; with `readFirstChunkOnly` the reader leaves like `| head` does. */
function runProgram(args: string[], readFirstChunkOnly = false): Promise<Outcome> {
  const env = { ...process.env };
  delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  const child = spawn(process.execPath, [program, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    if (readFirstChunkOnly) child.stdout.destroy();
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('opsdesk under a pipe', () => {
  it('ends quietly with exit 0 when the reader closes early (| head)', async () => {
    const outcome = await runProgram(['logs', bigLog, '--limit', '5000', '--tz', 'UTC'], true);

    expect(outcome.stdout).toMatch(/^big\.log: ready/);
    expect(outcome.stdout.length).toBeLessThan(5000 * 60);
    expect({ code: outcome.code, stderr: outcome.stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('opsdesk on Node 20', () => {
  it('prints no AWS SDK Node version warning when it talks to AWS', async () => {
    const configDir = path.join(folder, 'config');
    const outcome = await runProgram(['status', '--env', 'sandbox', '--config-dir', configDir]);

    expect(outcome.stdout).toContain('demo-cluster');
    expect(outcome.stderr).not.toContain('NodeVersionSupportWarning');
  });
});
