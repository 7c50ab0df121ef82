import type { ParsedRequestOf, RequestChannel, ValueOf } from '../../shared/ipc/contract';
import { createLogger } from '../logger';
import type { Services } from '../services';

const rendererLog = createLogger('renderer');

/** Answers one request channel, given a request already parsed with its schema. */
export type Handler<C extends RequestChannel> = (
  request: ParsedRequestOf<C>,
  services: Services,
) => Promise<ValueOf<C>>;

/** A handler for every channel of the contract; a missing channel fails to compile. */
export type Handlers = { [C in RequestChannel]: Handler<C> };

/** What each request channel does, in terms of the services. */
export const handlers: Handlers = {
  'app:info': async (_request, services) => services.appInfo,

  'app:log': async ({ level, scope, message }) => {
    rendererLog[level](`[${scope}]`, message);
    return null;
  },

  'logs:open': (request, services) => services.logs.open(request.paths),
  'logs:sources': (_request, services) => services.logs.sources(),

  'logs:close': async (request, services) => {
    await services.logs.close(request.sourceId);
    return null;
  },

  'logs:search': (request, services) => services.logs.search(request),
  'logs:histogram': (request, services) => services.logs.histogram(request),
  'logs:record': (request, services) => services.logs.record(request.id),
  'logs:fields': (_request, services) => services.logs.fields(),
};
