import type { appRequestChannels } from '../../../shared/ipc/channels/app';
import { createLogger } from '../../logger';
import type { DomainHandlers } from './handler';

const rendererLog = createLogger('renderer');

/** Requests about the app itself. */
export const appHandlers: DomainHandlers<typeof appRequestChannels> = {
  'app:info': async (_request, services) => services.appInfo,

  'app:log': async ({ level, scope, message }) => {
    rendererLog[level](`[${scope}]`, message);
    return null;
  },
};
