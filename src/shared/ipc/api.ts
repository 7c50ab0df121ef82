import {
  EVENT_CHANNELS,
  REQUEST_CHANNELS,
  type EventChannel,
  type PayloadOf,
  type RequestChannel,
  type RequestOf,
  type ValueOf,
} from './contract';
import type { Result } from '../result';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type EventName<C extends string> = `on${Capitalize<VerbOf<C>>}`;

/** Stops a subscription to an event channel. */
export type Unsubscribe = () => void;

/**
 * The named API the renderer sees, derived from the contract: `logs:search`
 * becomes `api.logs.search(request)` and the event `logs:progress` becomes
 * `api.logs.onProgress(listener)`.
 */
export type OpsdeskApi = {
  [D in DomainOf<RequestChannel | EventChannel>]: {
    [C in Extract<RequestChannel, `${D}:${string}`> as VerbOf<C>]: (
      request?: RequestOf<C>,
    ) => Promise<Result<ValueOf<C>>>;
  } & {
    [C in Extract<EventChannel, `${D}:${string}`> as EventName<C>]: (
      listener: (payload: PayloadOf<C>) => void,
    ) => Unsubscribe;
  };
};

/** How a transport sends one request and listens to one event channel. */
export interface Transport {
  invoke(channel: RequestChannel, request: unknown): Promise<Result<unknown>>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): Unsubscribe;
}

/**
 * Builds the named API over a transport.
 *
 * Both the Electron preload and the browser-mode client call this, which is
 * why the renderer cannot tell them apart.
 */
export function buildApi(transport: Transport): OpsdeskApi {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string) => (api[name] ??= {});

  for (const channel of REQUEST_CHANNELS) {
    const [d, verb] = channel.split(':');
    domain(d)[verb] = (request?: unknown) => transport.invoke(channel, request ?? {});
  }

  for (const channel of EVENT_CHANNELS) {
    const [d, verb] = channel.split(':');
    const name = `on${verb[0].toUpperCase()}${verb.slice(1)}`;
    domain(d)[name] = (listener: (payload: unknown) => void) =>
      transport.subscribe(channel, listener);
  }

  return api as OpsdeskApi;
}

/**
 * Turns files the user picked or dropped into paths the main process can read.
 *
 * It stands beside the contract because a picked file is not data that
 * crosses as JSON: Electron's preload asks the file's path, browser mode
 * uploads its bytes to a private temporary file on the server.
 */
export interface FileBridge {
  pathsOf(files: File[]): Promise<Result<string[]>>;
}

/** Everything the renderer can call: the contract's API and the file bridge. */
export type OpsdeskBridge = OpsdeskApi & { files: FileBridge };
