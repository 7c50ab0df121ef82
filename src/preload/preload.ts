// The preload, bundled to dist/main/preload.cjs. It runs sandboxed, so all it
// may require at run time is `electron`; the build bundles everything else.
import { contextBridge } from 'electron';
import { buildApi, type OpsdeskBridge } from '../shared/ipc/api';
import { diskFileBridge, ipcTransport } from './ipcTransport';

const bridge: OpsdeskBridge = { ...buildApi(ipcTransport), files: diskFileBridge };

// The page sees this one named API and nothing of Electron.
contextBridge.exposeInMainWorld('opsdesk', bridge);
