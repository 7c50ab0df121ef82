import { isRequestChannel, parseRequest, type RequestChannel } from '../../shared/ipc/contract';
import { fail, OpsdeskError, type Result } from '../../shared/result';
import { createLogger } from '../logger';
import type { Services } from '../services';
import { handlers as contractHandlers, type Handler, type Handlers } from './handlers';

const log = createLogger('ipc');

/**
 * Answers one request from the renderer: channel name and request as received.
 *
 * Resolves with a Result whatever happens; it never rejects.
 */
export type Dispatch = (channel: string, rawRequest: unknown) => Promise<Result<unknown>>;

/**
 * Creates the dispatcher both transports (Electron IPC and browser mode) call.
 *
 * The request is parsed with its channel's schema before any handler runs.
 * Failures a service reports on purpose (OpsdeskError) cross as they are;
 * anything else is logged and answered with a generic message, because its
 * text may carry internals the renderer has no use for.
 */
export function createDispatch(
  services: Services,
  handlers: Handlers = contractHandlers,
): Dispatch {
  return async (channel, rawRequest) => {
    if (!isRequestChannel(channel)) {
      log.warn('refused a request on an unknown channel', JSON.stringify(channel).slice(0, 100));
      return fail('invalid-request', `Unknown request channel ${channel.slice(0, 100)}.`);
    }

    const parsed = parseRequest(channel, rawRequest);
    if (!parsed.ok) return parsed;

    try {
      const handler = handlers[channel] as Handler<RequestChannel>;
      const value = await handler(parsed.value as never, services);
      return { ok: true, value };
    } catch (error) {
      return failureOf(channel, error);
    }
  };
}

function failureOf(channel: RequestChannel, error: unknown): Result<never> {
  if (error instanceof OpsdeskError) return fail(error.code, error.message, error.position);

  log.error(`${channel} failed unexpectedly:`, error);
  return fail(
    'internal',
    'Something went wrong inside Opsdesk. The details are in its log file; please try again.',
  );
}
