import type { environmentRequestChannels } from '../../../shared/ipc/channels/environments';
import type { DomainHandlers } from './handler';

/** Requests for choosing the environment and knowing who we are in it. */
export const environmentHandlers: DomainHandlers<typeof environmentRequestChannels> = {
  'env:list': (_request, services) => services.environments.list(),
  'env:activate': (request, services) => services.environments.activate(request.name),
  'env:identity': (_request, services) => services.environments.identity(),
};
