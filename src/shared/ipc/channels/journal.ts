import {
  journalExportRequest,
  journalFilter,
  type JournalEntry,
  type JournalExport,
} from '../../workflows';
import { request } from './declare';

/** Channels for reading and exporting the local journal of runs and approvals. */
export const journalRequestChannels = {
  'journal:list': request<JournalEntry[]>()(journalFilter),
  'journal:export': request<JournalExport>()(journalExportRequest),
};
