import { describe, expect, it, vi } from 'vitest';
import { answer, createFakeApi, logSource, refuse, settle } from '../../../testing/fakeApi';
import { createSourcesStore, loadFraction, newestEventTime } from './sourcesStore';

function setup() {
  const fake = createFakeApi();
  const report = vi.fn();
  const onContentChange = vi.fn();
  const store = createSourcesStore({ api: fake.bridge, report, onContentChange });
  return { fake, report, onContentChange, store };
}

const file = (name: string) => new File(['x'], name);

describe('sources already open', () => {
  it('lists the sources the main process has, e.g. from the command line', async () => {
    const { fake, store } = setup();
    fake.api.logs.sources.mockReturnValueOnce(answer([logSource('a'), logSource('b')]));
    await store.getState().load();

    expect(store.getState().sources.map((source) => source.name)).toEqual(['a.log', 'b.log']);
  });
});

describe('opening files', () => {
  it('turns picked files into paths, opens them and lists them', async () => {
    const { fake, store } = setup();
    fake.api.logs.open.mockReturnValueOnce(answer([logSource('n', { state: 'loading' })]));
    await store.getState().openFiles([file('nginx.log'), file('app.log')]);

    expect(fake.api.files.pathsOf).toHaveBeenCalledWith([expect.any(File), expect.any(File)]);
    expect(fake.api.logs.open).toHaveBeenCalledWith({
      paths: ['/uploads/nginx.log', '/uploads/app.log'],
    });
    expect(store.getState().sources).toEqual([
      expect.objectContaining({ sourceId: 'n', state: 'loading' }),
    ]);
    expect(store.getState().opening).toBe(false);
  });

  it('reports a failed upload and opens nothing', async () => {
    const { fake, store, report } = setup();
    const failure = { code: 'unreadable' as const, message: 'Upload failed: disk full' };
    fake.api.files.pathsOf.mockReturnValueOnce(refuse(failure));
    await store.getState().openFiles([file('big.log')]);

    expect(report).toHaveBeenCalledWith(failure);
    expect(fake.api.logs.open).not.toHaveBeenCalled();
    expect(store.getState().opening).toBe(false);
  });

  it('reports a file that cannot be opened', async () => {
    const { fake, store, report } = setup();
    fake.api.logs.open.mockReturnValueOnce(refuse({ code: 'not-found', message: 'No such file' }));
    await store.getState().openFiles([file('gone.log')]);

    expect(report).toHaveBeenCalledWith({ code: 'not-found', message: 'No such file' });
    expect(store.getState().sources).toEqual([]);
  });
});

describe('loading progress', () => {
  it('shows the records counted so far and marks the results stale', async () => {
    const { fake, store, onContentChange } = setup();
    fake.api.logs.sources.mockReturnValueOnce(
      answer([logSource('a', { state: 'loading', records: 0 })]),
    );
    await store.getState().load();

    store.getState().applyProgress({
      sourceId: 'a',
      name: 'a.log',
      bytesRead: 250,
      totalBytes: 1000,
      records: 4200,
      done: false,
    });

    expect(store.getState().sources[0].records).toBe(4200);
    expect(loadFraction(store.getState().progress.a)).toBe(0.25);
    expect(onContentChange).toHaveBeenCalledWith(false);
    expect(fake.api.logs.sources).toHaveBeenCalledTimes(1);
  });

  it('fetches the finished source again for its final state', async () => {
    const { fake, store, onContentChange } = setup();
    fake.api.logs.sources
      .mockReturnValueOnce(answer([logSource('a', { state: 'loading' })]))
      .mockReturnValueOnce(answer([logSource('a', { state: 'ready', records: 9000 })]));
    await store.getState().load();

    store.getState().applyProgress({
      sourceId: 'a',
      name: 'a.log',
      bytesRead: 1000,
      totalBytes: 1000,
      records: 9000,
      done: true,
      problem: 'invalid UTF-8 replaced',
    });
    await settle();

    expect(onContentChange).toHaveBeenCalledWith(true);
    expect(store.getState().sources[0]).toMatchObject({ state: 'ready', records: 9000 });
  });

  it('keeps a problem reported while loading', async () => {
    const { fake, store } = setup();
    fake.api.logs.sources.mockReturnValueOnce(answer([logSource('a', { state: 'loading' })]));
    await store.getState().load();
    store.getState().applyProgress({
      sourceId: 'a',
      name: 'a.log',
      bytesRead: 10,
      totalBytes: 1000,
      records: 0,
      done: false,
      problem: 'binary file',
    });

    expect(store.getState().sources[0].problem).toBe('binary file');
  });

  it('lists a source it hears of for the first time', async () => {
    const { fake, store } = setup();
    fake.api.logs.sources.mockReturnValueOnce(answer([logSource('cli')]));
    store.getState().applyProgress({
      sourceId: 'cli',
      name: 'cli.log',
      bytesRead: 1,
      totalBytes: 2,
      records: 1,
      done: false,
    });
    await settle();

    expect(store.getState().sources.map((source) => source.sourceId)).toEqual(['cli']);
  });
});

describe('closing', () => {
  it('removes the source and marks the results stale', async () => {
    const { fake, store, onContentChange } = setup();
    fake.api.logs.sources.mockReturnValueOnce(answer([logSource('a'), logSource('b')]));
    await store.getState().load();
    await store.getState().close('a');

    expect(fake.api.logs.close).toHaveBeenCalledWith({ sourceId: 'a' });
    expect(store.getState().sources.map((source) => source.sourceId)).toEqual(['b']);
    expect(onContentChange).toHaveBeenCalledWith(true);
  });

  it('keeps the source when closing fails', async () => {
    const { fake, store, report } = setup();
    fake.api.logs.sources.mockReturnValueOnce(answer([logSource('a')]));
    fake.api.logs.close.mockReturnValueOnce(refuse({ code: 'not-found', message: 'gone' }));
    await store.getState().load();
    await store.getState().close('a');

    expect(store.getState().sources).toHaveLength(1);
    expect(report).toHaveBeenCalledWith({ code: 'not-found', message: 'gone' });
  });
});

describe('derived values', () => {
  it('finds the newest event over all sources', () => {
    const sources = [
      logSource('a', { lastTime: 500 }),
      logSource('b'),
      logSource('c', { lastTime: 900 }),
    ];
    expect(newestEventTime(sources)).toBe(900);
    expect(newestEventTime([logSource('a')])).toBeUndefined();
  });

  it('knows no fraction without a size', () => {
    expect(loadFraction(undefined)).toBeUndefined();
    expect(
      loadFraction({
        sourceId: 'a',
        name: 'a',
        bytesRead: 5,
        totalBytes: 0,
        records: 0,
        done: false,
      }),
    ).toBeUndefined();
  });
});
