import type { OpsdeskBridge } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** The API the Electron preload exposes; absent in browser mode. */
    opsdesk?: OpsdeskBridge;
  }
}

export {};
