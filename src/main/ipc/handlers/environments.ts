import type { environmentRequestChannels } from '../../../shared/ipc/channels/environments';
import type { DomainHandlers } from './handler';

/** Requests for choosing the environment, knowing who we are in it, and signing in. */
export const environmentHandlers: DomainHandlers<typeof environmentRequestChannels> = {
  'env:list': (_request, services) => services.environments.list(),
  'env:activate': (request, services) => services.environments.activate(request.name),
  'env:identity': (_request, services) => services.environments.identity(),
  'env:prompts': async (_request, services) => services.environments.prompts.pending(),

  'env:answerMfa': async ({ requestId, code }, services) => {
    services.environments.prompts.mfa.answer(requestId, code);
    return null;
  },

  'env:cancelMfa': async ({ requestId }, services) => {
    services.environments.prompts.mfa.cancel(requestId);
    return null;
  },

  'env:openSsoPage': async ({ loginId }, services) => {
    await services.environments.prompts.sso.open(loginId);
    return null;
  },

  'env:cancelSsoLogin': async ({ loginId }, services) => {
    services.environments.prompts.sso.cancel(loginId);
    return null;
  },
};
