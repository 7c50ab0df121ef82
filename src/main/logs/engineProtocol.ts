import type { LoadProgress } from '../../shared/logs';
import type { Failure } from '../../shared/result';
import type { LogService } from './logService';

/** The LogService methods the worker answers; one argument each. */
export type EngineMethod =
  'open' | 'ingestEvents' | 'sources' | 'close' | 'search' | 'histogram' | 'record' | 'fields';

/** The argument and value of each method, from the LogService interface. */
export type EngineArgument<M extends EngineMethod> = Parameters<LogService[M]>[0];
export type EngineValue<M extends EngineMethod> = Awaited<ReturnType<LogService[M]>>;

/** A call from the main thread to the engine worker. */
export interface EngineCall {
  callId: number;
  method: EngineMethod;
  argument: unknown;
}

/** What the engine worker sends back: a reply to one call, or load progress. */
export type EngineMessage =
  | { type: 'reply'; callId: number; ok: true; value: unknown }
  | { type: 'reply'; callId: number; ok: false; failure: Failure }
  | { type: 'progress'; progress: LoadProgress };

/** Every method the worker accepts, to check incoming calls against. */
export const ENGINE_METHODS: readonly EngineMethod[] = [
  'open',
  'ingestEvents',
  'sources',
  'close',
  'search',
  'histogram',
  'record',
  'fields',
];
