import type { journalRequestChannels } from '../../../shared/ipc/channels/journal';
import type { DomainHandlers } from './handler';

/** Requests to read and export the journal. */
export const journalHandlers: DomainHandlers<typeof journalRequestChannels> = {
  'journal:list': (request, services) => services.journal.list(request),
  'journal:export': ({ format, ...filter }, services) => services.journal.export(filter, format),
};
