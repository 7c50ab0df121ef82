import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronState, ipcEventFrom, resetElectronMock } from '../support/electronMock';
import { createFakeServices } from '../support/fakeServices';
import { REQUEST_CHANNELS } from '../../src/shared/ipc/contract';
import { OpsdeskError } from '../../src/shared/result';
import { startElectronApp } from '../../src/main/electron/electronApp';

vi.mock('electron', async () => (await import('../support/electronMock')).electronModule);

const distDir = '/opt/opsdesk/dist';
const rendererUrl = pathToFileURL(path.join(distDir, 'renderer', 'index.html')).href;

async function startApp() {
  const services = createFakeServices();
  await startElectronApp({
    distDir,
    createServices: () => services,
    argv: [],
    workingDirectory: '/',
  });
  return services;
}

/** Calls a registered IPC handler as the renderer at `url` would. */
function invokeFrom(url: string, channel: string, request: unknown) {
  const handler = electronState.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(ipcEventFrom(url), request);
}

beforeEach(() => resetElectronMock());

describe('Electron IPC serves exactly the contract', () => {
  it('registers one handler per contract request channel and nothing else', async () => {
    await startApp();
    expect([...electronState.ipcHandlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it('answers a valid request with the service value as a Result', async () => {
    const services = await startApp();
    const answer = await invokeFrom(rendererUrl, 'app:info', {});
    expect(answer).toEqual({ ok: true, value: services.appInfo });
  });

  it('answers a request failing its schema with invalid-request, never reaching the service', async () => {
    const services = await startApp();
    const answer = await invokeFrom(rendererUrl, 'logs:search', { query: 'x', limit: -1 });

    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(services.logs.search).not.toHaveBeenCalled();
  });

  it('returns an OpsdeskError a service throws as a failure value', async () => {
    const services = await startApp();
    vi.mocked(services.logs.search).mockRejectedValueOnce(
      new OpsdeskError('query-syntax', 'Unclosed quote', 4),
    );

    const answer = await invokeFrom(rendererUrl, 'logs:search', { query: 'a "b' });

    expect(answer).toEqual({
      ok: false,
      error: { code: 'query-syntax', message: 'Unclosed quote', position: 4 },
    });
  });
});

describe('Electron IPC trusts only the main frame of our own page', () => {
  it('refuses a request from another page', async () => {
    const services = await startApp();
    const answer = await invokeFrom('https://evil.example/', 'logs:sources', {});

    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(services.logs.sources).not.toHaveBeenCalled();
  });

  it('refuses a request from a subframe, even of our own page', async () => {
    const services = await startApp();
    const handler = electronState.ipcHandlers.get('logs:sources')!;
    const answer = await handler(ipcEventFrom(rendererUrl, { subframe: true }), {});

    expect(answer).toMatchObject({ ok: false });
    expect(services.logs.sources).not.toHaveBeenCalled();
  });

  it('refuses a request whose frame is gone', async () => {
    await startApp();
    const handler = electronState.ipcHandlers.get('app:info')!;
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false });
  });

  it('accepts our page with a hash or query', async () => {
    await startApp();
    const answer = await invokeFrom(`${rendererUrl}#/logs`, 'app:info', {});
    expect(answer).toMatchObject({ ok: true });
  });
});

describe('progress reaches the window as typed events', () => {
  it('sends each log-load progress to the window on its event channel', async () => {
    const services = await startApp();
    const progress = {
      sourceId: 'source-0',
      name: 'app.log',
      bytesRead: 1,
      totalBytes: 2,
      records: 1,
      done: false,
    };

    services.logs.emitProgress(progress);

    expect(electronState.windows[0].webContents.send).toHaveBeenCalledWith(
      'logs:progress',
      progress,
    );
  });
});
