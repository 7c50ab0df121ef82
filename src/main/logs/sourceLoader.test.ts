import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../shared/logs';
import { LogEngine, MAX_DETAIL_RAW_CHARS } from './logEngine';
import { estimateEvents } from './sourceLoader';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'opsdesk-loader-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Writes `content` to a temp file, loads it into a fresh engine and waits. */
async function load(name: string, content: string | Buffer) {
  const file = path.join(folder, name);
  await writeFile(file, content);
  return loadPath(file);
}

async function loadPath(file: string) {
  const engine = new LogEngine();
  const progress: LoadProgress[] = [];
  engine.onProgress((update) => progress.push(update));
  await engine.open([file]);
  await engine.whenLoaded();
  const [source] = await engine.sources();
  return { engine, source, progress };
}

async function texts(engine: LogEngine): Promise<string[]> {
  const page = await engine.search({ query: '', offset: 0, limit: 100 });
  const ids = page.rows.map((row) => row.id).sort((a, b) => a - b);
  return Promise.all(ids.map(async (id) => (await engine.record(id)).raw));
}

describe('reading lines', () => {
  it('splits on \\n and \\r\\n and keeps a last line without a line break', async () => {
    const { engine, source } = await load('lines.log', 'one\r\ntwo\nthree');
    expect(await texts(engine)).toEqual(['one', 'two', 'three']);
    expect(source).toMatchObject({ state: 'ready', records: 3, sizeBytes: 14 });
    expect(source.problem).toBeUndefined();
  });

  it('numbers records by their line in the file', async () => {
    const { engine } = await load('numbers.log', 'a\nb\nc\n');
    expect((await engine.record(2)).lineNumber).toBe(3);
  });

  it('decodes multi-byte characters split across reads', async () => {
    const line = 'é'.repeat(700_000);
    const { engine } = await load('accents.log', `${line}\nnext`);
    expect(await texts(engine)).toEqual([line, 'next']);
  });

  it('reports the end of loading once, with the record count', async () => {
    const { progress } = await load('progress.log', 'x\ny\n');
    expect(progress.filter((update) => update.done)).toEqual([
      expect.objectContaining({
        done: true,
        records: 2,
        bytesRead: 4,
        totalBytes: 4,
        name: 'progress.log',
      }),
    ]);
  });
});

describe('awkward files', () => {
  it('loads an empty file as ready with no records and says it is empty', async () => {
    const { source } = await load('empty.log', '');
    expect(source).toMatchObject({ state: 'ready', records: 0, problem: 'The file is empty.' });
  });

  it('refuses a binary file', async () => {
    const { source } = await load(
      'image.bin',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    );
    expect(source).toMatchObject({
      state: 'failed',
      records: 0,
      problem: 'This looks like a binary file, not a text log.',
    });
  });

  it('reads invalid UTF-8 as U+FFFD and reports it', async () => {
    const { engine, source } = await load(
      'latin1.log',
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x6f, 0x6b]),
    );
    expect(await texts(engine)).toEqual(['caf\uFFFD', 'ok']);
    expect(source.state).toBe('ready');
    expect(source.problem).toMatch(/not valid UTF-8/);
  });

  it('does not mistake a real U+FFFD in the file for invalid UTF-8', async () => {
    const { source } = await load('replacement.log', 'a \uFFFD b\n');
    expect(source.problem).toBeUndefined();
  });

  it('fails an unreadable path with the reason in plain words', async () => {
    const { source } = await loadPath(path.join(folder, 'missing.log'));
    expect(source).toMatchObject({
      state: 'failed',
      problem: 'The file does not exist (it may have been moved or deleted).',
    });
    const asFolder = await loadPath(folder);
    expect(asFolder.source).toMatchObject({
      state: 'failed',
      problem: 'This is a folder, not a file.',
    });
  });

  it('keeps a single 50 MB line, indexing the start of it', async () => {
    const line = `start ${'x'.repeat(50 * 1024 * 1024)} finish`;
    const { engine, source } = await load('huge.log', `${line}\nafter`);
    expect(source).toMatchObject({ state: 'ready', records: 2 });
    expect(source.problem).toMatch(/longer than 1 MB/);
    const detail = await engine.record(0);
    expect(detail.raw).toBe(line.slice(0, MAX_DETAIL_RAW_CHARS));
    expect(detail).toMatchObject({ rawTruncated: true, rawLength: line.length });
    expect((await engine.record(1)).rawTruncated).toBeUndefined();
    expect((await engine.search({ query: 'start', offset: 0, limit: 1 })).total).toBe(1);
    expect((await engine.search({ query: 'after', offset: 0, limit: 1 })).total).toBe(1);
  });
});

describe('opening a file that is already open', () => {
  it('keeps one source, whether the same path or a copy at another path', async () => {
    const content = 'one\ntwo\nthree\n';
    const first = path.join(folder, 'same.log');
    const copyFolder = await mkdtemp(path.join(tmpdir(), 'opsdesk-copy-'));
    const copy = path.join(copyFolder, 'same.log');
    await writeFile(first, content);
    await writeFile(copy, content);

    const engine = new LogEngine();
    const [opened] = await engine.open([first]);
    const again = await engine.open([first, copy]);
    await engine.whenLoaded();

    expect(again.map((source) => source.sourceId)).toEqual([opened.sourceId]);
    expect(await engine.sources()).toHaveLength(1);
    expect((await engine.search({ query: '', offset: 0, limit: 10 })).total).toBe(3);
  });

  it('loads a file of the same name with other content as a source of its own', async () => {
    const engine = new LogEngine();
    const first = path.join(folder, 'app.log');
    await writeFile(first, 'alpha\n');
    await engine.open([first]);
    await engine.whenLoaded();
    await writeFile(first, 'alpha\nbeta\n');
    await engine.open([first]);
    await engine.whenLoaded();

    expect((await engine.sources()).map((source) => source.records)).toEqual([1, 2]);
  });

  it('loads it again once it was closed', async () => {
    const engine = new LogEngine();
    const file = path.join(folder, 'reopened.log');
    await writeFile(file, 'alpha\n');
    const [opened] = await engine.open([file]);
    await engine.whenLoaded();
    await engine.close(opened.sourceId);
    const [reopened] = await engine.open([file]);
    await engine.whenLoaded();

    expect(reopened.sourceId).not.toBe(opened.sourceId);
    expect((await engine.search({ query: 'alpha', offset: 0, limit: 10 })).total).toBe(1);
  });
});

describe('room made for a file', () => {
  it('expects events in proportion to the file size, a little over', () => {
    expect(estimateEvents(10_000, 1_000_000, 100_000_000)).toBe(1_020_000);
  });

  it('expects what it has when the first chunk was the whole file', () => {
    expect(estimateEvents(42, 5_000, 5_000)).toBe(42);
  });
});
