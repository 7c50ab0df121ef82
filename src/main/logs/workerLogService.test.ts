import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpsdeskError } from '../../shared/result';
import type { LoadProgress } from '../../shared/logs';
import { createLogService } from './createLogService';
import type { LogService } from './logService';

let folder: string;
let service: LogService;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'opsdesk-worker-'));
  const workerPath = path.join(folder, 'log-engine-worker.cjs');
  // The same bundle scripts/build.mjs makes, so the test runs the real worker.
  await build({
    entryPoints: [path.join(__dirname, 'engineWorker.ts')],
    outfile: workerPath,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'error',
  });
  service = createLogService({ workerPath });
});

afterAll(async () => {
  await service.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('the engine in a worker thread', () => {
  it('loads a file, reports progress, and answers searches', async () => {
    const file = path.join(folder, 'app.log');
    await writeFile(file, 'alpha one\nbeta two\nalpha three\n');
    const done = new Promise<LoadProgress>((resolve) => {
      const stop = service.onProgress((progress) => {
        if (progress.done) {
          stop();
          resolve(progress);
        }
      });
    });

    const [registered] = await service.open([file]);
    expect(registered).toMatchObject({ name: 'app.log', state: 'loading' });
    expect(await done).toMatchObject({ records: 3, done: true });

    const page = await service.search({ query: 'alpha', offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => row.message).sort()).toEqual(['alpha one', 'alpha three']);
    expect((await service.sources())[0]).toMatchObject({ state: 'ready', records: 3 });
  });

  it('passes a syntax error back as an OpsdeskError with its position', async () => {
    const failure = await service
      .search({ query: 'alpha (beta', offset: 0, limit: 1 })
      .catch((error) => error);
    expect(failure).toBeInstanceOf(OpsdeskError);
    expect(failure).toMatchObject({ code: 'query-syntax', position: 6 });
  });
});
