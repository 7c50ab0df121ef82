import type { ServerResponse } from 'node:http';
import type { EventChannel } from '../../shared/ipc/contract';
import { SECURITY_HEADERS } from './responses';

// Idle connections through some proxies and OS sleep drop silently; a comment
// line every so often keeps the stream open and reveals dead clients.
const HEARTBEAT_MS = 20_000;

/** The open Server-Sent Events streams, one per browser tab. */
export interface EventStreams {
  /** Turns a response into an event stream that stays open until the tab goes. */
  attach(response: ServerResponse): void;
  /** Sends one event to every open stream. */
  broadcast(channel: EventChannel, payload: unknown): void;
  /** Ends every stream, when the server stops. */
  closeAll(): void;
}

/** Creates the set of event streams the browser-mode server feeds. */
export function createEventStreams(): EventStreams {
  const open = new Set<ServerResponse>();

  const heartbeat = setInterval(() => {
    for (const response of open) response.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    attach(response) {
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      response.write('retry: 2000\n\n');
      open.add(response);
      response.on('close', () => open.delete(response));
    },

    broadcast(channel, payload) {
      const message = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const response of open) response.write(message);
    },

    closeAll() {
      clearInterval(heartbeat);
      for (const response of open) response.end();
      open.clear();
    },
  };
}
