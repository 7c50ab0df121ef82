import type { statusRequestChannels } from '../../../shared/ipc/channels/status';
import type { DomainHandlers } from './handler';

/** Requests for the status of the active environment. */
export const statusHandlers: DomainHandlers<typeof statusRequestChannels> = {
  'status:get': (request, services) => services.status.get(request.maxAgeMs),
  'status:refresh': (_request, services) => services.status.refresh(),
};
