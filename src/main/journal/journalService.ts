import type { JournalEntry, JournalExport, JournalFilter } from '../../shared/workflows';
import type { Journal } from './journal';
import { exportJournal } from './journalExport';
import { filterJournal } from './journalQuery';

/** Reading and exporting the journal for its view. */
export interface JournalService {
  list(filter: JournalFilter): Promise<JournalEntry[]>;
  export(filter: JournalFilter, format: 'csv' | 'jsonl'): Promise<JournalExport>;
}

/** Creates the journal service over a journal; `now` stamps export file names. */
export function createJournalService(
  journal: Journal,
  now: () => number = Date.now,
): JournalService {
  return {
    list: async (filter) => filterJournal(await journal.read(), filter),
    export: async (filter, format) =>
      exportJournal(filterJournal(await journal.read(), filter), format, now()),
  };
}
