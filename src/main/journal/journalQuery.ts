import type { JournalEntry, JournalFilter } from '../../shared/workflows';

/** The entries matching a filter, newest first. */
export function filterJournal(entries: JournalEntry[], filter: JournalFilter): JournalEntry[] {
  const text = filter.text?.trim().toLowerCase();
  return entries
    .filter((entry) => !filter.kind || entry.kind === filter.kind)
    .filter((entry) => !filter.result || entry.result === filter.result)
    .filter((entry) => !filter.environment || entry.environment === filter.environment)
    .filter((entry) => filter.from === undefined || entry.at >= filter.from)
    .filter((entry) => filter.to === undefined || entry.at < filter.to)
    .filter((entry) => !text || JSON.stringify(entry).toLowerCase().includes(text))
    .sort((a, b) => b.at - a.at);
}
