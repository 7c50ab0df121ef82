import type { logsRequestChannels } from '../../../shared/ipc/channels/logs';
import type { DomainHandlers } from './handler';

/** Requests to the local log index. */
export const logsHandlers: DomainHandlers<typeof logsRequestChannels> = {
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
