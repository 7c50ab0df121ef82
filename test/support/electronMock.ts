// The one place Electron is faked. Test files mock the module with
//   vi.mock('electron', async () => (await import('../support/electronMock')).electronModule);
// and inspect `electronState`, reset with `resetElectronMock()` before each test.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  respond: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** A web contents: an event emitter that keeps its window-open handler and sent events. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly mainFrame = { parent: null, url: '' };
  readonly send = vi.fn();
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
  }
}

/** A BrowserWindow that records its options and the file it loads. */
export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = () => electronState.windows.filter((window) => !window.destroyed);
  readonly webContents = new FakeWebContents();
  readonly loadFile = vi.fn(async () => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  destroyed = false;

  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    super();
    electronState.windows.push(this);
    electronState.app.emit('web-contents-created', {}, this.webContents);
  }

  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
}

/** The fake app: an event emitter with the few calls Opsdesk makes. */
class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  requestSingleInstanceLock = () => this.hasLock;
  getPath = (name: string) => `/tmp/opsdesk-test/${name}`;
  getVersion = () => '0.1.0';
  whenReady = () => Promise.resolve();
}

function createState() {
  return {
    app: new FakeApp(),
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, IpcHandler>(),
    headersListener: undefined as HeadersListener | undefined,
    permissionHandler: undefined as
      | ((contents: unknown, permission: string, decide: (allow: boolean) => void) => void)
      | undefined,
    exposedInMainWorld: new Map<string, unknown>(),
    rendererEvents: new EventEmitter(),
    openExternal: vi.fn(async (_url: string) => undefined),
    invoke: vi.fn(async (_channel: string, _request: unknown): Promise<unknown> => undefined),
    getPathForFile: vi.fn((_file: File) => ''),
  };
}

/** What the fakes recorded: handlers registered, windows made, APIs exposed. */
export let electronState = createState();

/** Forgets everything the fakes recorded. */
export function resetElectronMock(): void {
  electronState = createState();
}

/** The module `electron` as the code under test sees it. */
export const electronModule = {
  get app() {
    return electronState.app;
  },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, handler: IpcHandler) => {
      if (electronState.ipcHandlers.has(channel)) throw new Error(`${channel} handled twice`);
      electronState.ipcHandlers.set(channel, handler);
    },
    removeHandler: (channel: string) => electronState.ipcHandlers.delete(channel),
  },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (listener: HeadersListener) => {
          electronState.headersListener = listener;
        },
      },
      setPermissionRequestHandler: (handler: typeof electronState.permissionHandler) => {
        electronState.permissionHandler = handler;
      },
    },
  },
  shell: {
    openExternal: (url: string) => electronState.openExternal(url),
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (electronState.exposedInMainWorld.has(key)) throw new Error(`${key} exposed twice`);
      electronState.exposedInMainWorld.set(key, api);
    },
  },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => electronState.invoke(channel, request),
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      electronState.rendererEvents.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      electronState.rendererEvents.removeListener(channel, listener),
  },
  webUtils: {
    getPathForFile: (file: File) => electronState.getPathForFile(file),
  },
};

/** An IPC event as Electron passes it, sent from a frame at `url`. */
export function ipcEventFrom(url: string, options: { subframe?: boolean } = {}) {
  const frame = { url, parent: options.subframe ? {} : null };
  return { senderFrame: frame, sender: { mainFrame: frame } };
}
