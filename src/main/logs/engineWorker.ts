// The worker thread entry: runs a LogEngine off the main thread so parsing
// and indexing never stall the window. Built to dist/main/log-engine-worker.cjs.
import { parentPort } from 'node:worker_threads';
import type { Failure } from '../../shared/result';
import { OpsdeskError } from '../../shared/result';
import { createLogger } from '../logger';
import { ENGINE_METHODS, type EngineCall, type EngineMessage } from './engineProtocol';
import { LogEngine } from './logEngine';

const log = createLogger('log-engine-worker');

/** Turns whatever a method threw into a failure that can cross threads. */
export function toFailure(error: unknown): Failure {
  if (error instanceof OpsdeskError) {
    return error.position === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, position: error.position };
  }
  log.error('engine call failed', error);
  return { code: 'internal', message: 'The log engine failed unexpectedly; see the log file.' };
}

/** Serves engine calls arriving on `port`; returns the engine for tests. */
export function serveEngine(port: {
  on(event: 'message', listener: (call: EngineCall) => void): unknown;
  postMessage(message: EngineMessage): void;
}): LogEngine {
  const engine = new LogEngine();
  engine.onProgress((progress) => port.postMessage({ type: 'progress', progress }));
  port.on('message', async ({ callId, method, argument }) => {
    try {
      if (!ENGINE_METHODS.includes(method)) {
        throw new OpsdeskError('invalid-request', `The log engine has no method ${method}.`);
      }
      const call = engine[method] as (argument: unknown) => Promise<unknown>;
      const value = await call.call(engine, argument);
      port.postMessage({ type: 'reply', callId, ok: true, value });
    } catch (error) {
      port.postMessage({ type: 'reply', callId, ok: false, failure: toFailure(error) });
    }
  });
  return engine;
}

if (parentPort) serveEngine(parentPort);
