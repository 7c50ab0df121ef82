import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electronState } from '../support/electronMock';
import type { OpsdeskBridge } from '../../src/shared/ipc/api';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src/shared/ipc/contract';

vi.mock('electron', async () => (await import('../support/electronMock')).electronModule);

let opsdesk: OpsdeskBridge;

beforeAll(async () => {
  await import('../../src/preload/preload');
  opsdesk = electronState.exposedInMainWorld.get('opsdesk') as OpsdeskBridge;
});

describe('the preload exposes one narrow named API', () => {
  it('exposes exactly one global, opsdesk', () => {
    expect([...electronState.exposedInMainWorld.keys()]).toEqual(['opsdesk']);
  });

  it('has a named function for every contract channel, the file bridge, and nothing else', () => {
    const names = Object.entries(opsdesk).flatMap(([domain, functions]) =>
      Object.keys(functions).map((name) => `${domain}.${name}`),
    );
    const expected = [
      ...REQUEST_CHANNELS.map((channel) => channel.replace(':', '.')),
      ...EVENT_CHANNELS.map((channel) => {
        const [domain, verb] = channel.split(':');
        return `${domain}.on${verb[0].toUpperCase()}${verb.slice(1)}`;
      }),
      'files.pathsOf',
    ];
    expect(names.sort()).toEqual(expected.sort());
  });
});

describe('requests go over ipcRenderer.invoke on their contract channel', () => {
  it('sends opsdesk.logs.search on logs:search and returns the answer', async () => {
    const page = { total: 1, offset: 0, rows: [], tookMs: 2 };
    electronState.invoke.mockResolvedValueOnce({ ok: true, value: page });

    const answer = await opsdesk.logs.search({ query: 'level:error' });

    expect(electronState.invoke).toHaveBeenLastCalledWith('logs:search', { query: 'level:error' });
    expect(answer).toEqual({ ok: true, value: page });
  });

  it('turns a rejected invoke into a failed Result', async () => {
    electronState.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    const answer = await opsdesk.app.info();
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('events arrive as payloads, without the Electron event', () => {
  it('passes each logs:progress payload to the listener until it unsubscribes', () => {
    const listener = vi.fn();
    const stop = opsdesk.logs.onProgress(listener);

    electronState.rendererEvents.emit('logs:progress', { sender: 'ipc' }, { records: 3 });
    stop();
    electronState.rendererEvents.emit('logs:progress', { sender: 'ipc' }, { records: 4 });

    expect(listener.mock.calls).toEqual([[{ records: 3 }]]);
  });
});

describe('files.pathsOf asks Electron for each file path', () => {
  it('returns the paths of files picked from disk', async () => {
    electronState.getPathForFile.mockImplementation((file: File) => `/home/ops/${file.name}`);
    const answer = await opsdesk.files.pathsOf([
      new File(['x'], 'a.log'),
      new File(['y'], 'b.log'),
    ]);
    expect(answer).toEqual({ ok: true, value: ['/home/ops/a.log', '/home/ops/b.log'] });
  });

  it('fails, naming the file, when a file has no path on disk', async () => {
    electronState.getPathForFile.mockImplementation(() => '');
    const answer = await opsdesk.files.pathsOf([new File(['x'], 'pasted.log')]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(!answer.ok && answer.error.message).toContain('pasted.log');
  });
});
