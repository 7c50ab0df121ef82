import type { Transport } from '../../shared/ipc/api';
import type { EventChannel } from '../../shared/ipc/contract';
import { postForResult, type ServerConnection } from './serverConnection';

/** The part of the browser's EventSource the transport uses. */
export interface EventStream {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
}

/** Opens an event stream at a URL, as `new EventSource(url)` does. */
export type OpenEventStream = (url: string) => EventStream;

/**
 * Carries the contract over HTTP to the browser-mode server.
 *
 * Requests are POSTed as JSON. Events of every channel arrive on one
 * Server-Sent Events stream, opened when the first listener subscribes.
 * EventSource cannot send headers, so that one URL carries the token.
 */
export function createBrowserTransport(
  connection: ServerConnection,
  openEventStream: OpenEventStream,
): Transport {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let stream: EventStream | undefined;

  const listenTo = (channel: EventChannel) => {
    stream ??= openEventStream(eventStreamUrl(connection));
    stream.addEventListener(channel, (event) => {
      let payload: unknown;
      try {
        payload = JSON.parse(event.data);
      } catch {
        return;
      }
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    });
  };

  return {
    invoke: (channel, request) =>
      postForResult(
        connection,
        `/api/invoke/${encodeURIComponent(channel)}`,
        JSON.stringify(request ?? {}),
        'application/json',
      ),

    subscribe(channel, listener) {
      let channelListeners = listeners.get(channel);
      if (!channelListeners) {
        channelListeners = new Set();
        listeners.set(channel, channelListeners);
        listenTo(channel);
      }
      channelListeners.add(listener);
      return () => {
        channelListeners.delete(listener);
      };
    },
  };
}

function eventStreamUrl(connection: ServerConnection): string {
  const url = new URL('/api/events', connection.origin);
  url.searchParams.set('token', connection.token ?? '');
  return url.href;
}
