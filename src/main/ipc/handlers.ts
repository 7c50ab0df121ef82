import type { RequestChannel } from '../../shared/ipc/contract';
import { appHandlers } from './handlers/app';
import { environmentHandlers } from './handlers/environments';
import type { Handler } from './handlers/handler';
import { journalHandlers } from './handlers/journal';
import { logsHandlers } from './handlers/logs';
import { logPullHandlers } from './handlers/logpull';
import { statusHandlers } from './handlers/status';
import { workflowHandlers } from './handlers/workflows';

export type { Handler } from './handlers/handler';

/** A handler for every channel of the contract; a missing channel fails to compile. */
export type Handlers = { [C in RequestChannel]: Handler<C> };

/** What each request channel does, in terms of the services; one file per domain. */
export const handlers: Handlers = {
  ...appHandlers,
  ...environmentHandlers,
  ...logsHandlers,
  ...logPullHandlers,
  ...statusHandlers,
  ...workflowHandlers,
  ...journalHandlers,
};
