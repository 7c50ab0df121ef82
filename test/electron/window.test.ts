import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronState, resetElectronMock } from '../support/electronMock';
import { createFakeServices } from '../support/fakeServices';
import { startElectronApp } from '../../src/main/electron/electronApp';

vi.mock('electron', async () => (await import('../support/electronMock')).electronModule);

const distDir = '/opt/opsdesk/dist';

async function startApp(argv: string[] = ['electron', 'dist/main/electron-main.cjs']) {
  const services = createFakeServices();
  await startElectronApp({
    distDir,
    createServices: () => services,
    argv,
    workingDirectory: '/home/ops',
  });
  return { services, window: electronState.windows[0] };
}

/** Runs the CSP listener on a response and returns the headers it lets through. */
function headersAfterPolicy(responseHeaders: Record<string, string[]>) {
  let passed: Record<string, string[]> | undefined;
  electronState.headersListener!({ url: 'file:///x', responseHeaders }, (response) => {
    passed = response.responseHeaders;
  });
  return passed;
}

beforeEach(() => resetElectronMock());

describe('the window runs the renderer isolated from Node', () => {
  it('opens one window with context isolation, sandbox, no Node and web security', async () => {
    const { window } = await startApp();

    expect(electronState.windows).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(distDir, 'main', 'preload.cjs'),
    });
  });

  it('loads the built renderer from dist/renderer', async () => {
    const { window } = await startApp();
    expect(window.loadFile).toHaveBeenCalledWith(path.join(distDir, 'renderer', 'index.html'));
  });
});

describe('a strict Content-Security-Policy is enforced', () => {
  it('adds the policy header to every response, keeping the other headers', async () => {
    await startApp();
    const headers = headersAfterPolicy({ 'Content-Type': ['text/html'] });

    expect(headers?.['Content-Type']).toEqual(['text/html']);
    expect(headers?.['Content-Security-Policy']).toEqual([
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'; object-src 'none'",
    ]);
  });

  it('denies every permission request', async () => {
    await startApp();
    const decide = vi.fn();
    electronState.permissionHandler!({}, 'media', decide);
    expect(decide).toHaveBeenCalledWith(false);
  });
});

describe('navigation and new windows are refused', () => {
  it('prevents navigation away from the renderer', async () => {
    const { window } = await startApp();
    const navigation = { preventDefault: vi.fn() };

    window.webContents.emit('will-navigate', navigation, 'https://evil.example/');

    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('prevents attaching a webview', async () => {
    const { window } = await startApp();
    const attach = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, opening only https links in the system browser', async () => {
    const { window } = await startApp();
    const openWindow = window.webContents.windowOpenHandler!;

    expect(openWindow({ url: 'https://docs.aws.amazon.com/' })).toEqual({ action: 'deny' });
    expect(openWindow({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(openWindow({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electronState.openExternal.mock.calls).toEqual([['https://docs.aws.amazon.com/']]);
  });

  it('hardens web contents created later, not only the main window', async () => {
    await startApp();
    const later = new (await import('../support/electronMock')).FakeWebContents();
    electronState.app.emit('web-contents-created', {}, later);

    expect(later.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(later.listenerCount('will-navigate')).toBe(1);
  });
});

describe('one instance, files from the command line', () => {
  it('quits at once when another instance holds the lock', async () => {
    electronState.app.hasLock = false;
    await startApp();

    expect(electronState.app.quit).toHaveBeenCalled();
    expect(electronState.windows).toHaveLength(0);
  });

  it('opens the files named on its command line, relative to its working folder', async () => {
    const { services } = await startApp(['electron', 'main.cjs', 'logs/app.log', '--inspect']);
    expect(services.logs.open).toHaveBeenCalledWith(['/home/ops/logs/app.log']);
  });

  it('opens the files of a second launch and focuses its window', async () => {
    const { services, window } = await startApp();
    electronState.app.emit('second-instance', {}, ['electron', 'main.cjs', 'b.log'], '/srv');

    expect(window.focus).toHaveBeenCalled();
    expect(services.logs.open).toHaveBeenCalledWith(['/srv/b.log']);
  });

  it('stops the services before it quits', async () => {
    const { services } = await startApp();
    const quitting = { preventDefault: vi.fn() };

    electronState.app.emit('will-quit', quitting);
    await vi.waitFor(() => expect(electronState.app.exit).toHaveBeenCalledWith(0));

    expect(quitting.preventDefault).toHaveBeenCalled();
    expect(services.dispose).toHaveBeenCalled();
  });
});
