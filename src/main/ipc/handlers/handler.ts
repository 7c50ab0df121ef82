import type { ParsedRequestOf, RequestChannel, ValueOf } from '../../../shared/ipc/contract';
import type { Services } from '../../services';

/** Answers one request channel, given a request already parsed with its schema. */
export type Handler<C extends RequestChannel> = (
  request: ParsedRequestOf<C>,
  services: Services,
) => Promise<ValueOf<C>>;

/** Handlers for every channel of one domain's channel table. */
export type DomainHandlers<Channels> = {
  [C in keyof Channels & RequestChannel]: Handler<C>;
};
