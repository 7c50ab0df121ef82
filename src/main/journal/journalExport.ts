import type { JournalEntry, JournalExport } from '../../shared/workflows';

/** The CSV columns, in order: when, who, what, and the rest as JSON where structured. */
const COLUMNS = [
  'at',
  'kind',
  'environment',
  'who',
  'what',
  'runId',
  'result',
  'message',
  'parameters',
  'outputs',
] as const;

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Quote every cell that could split a row or start a spreadsheet formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The entries as CSV with a header row; times as ISO 8601 UTC. */
export function journalToCsv(entries: JournalEntry[]): string {
  const rows = entries.map((entry) =>
    COLUMNS.map((column) =>
      csvCell(column === 'at' ? new Date(entry.at).toISOString() : entry[column]),
    ).join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** The entries as JSON lines, one entry per line, as the journal stores them. */
export function journalToJsonLines(entries: JournalEntry[]): string {
  return entries.map((entry) => JSON.stringify(entry)).join('\n') + (entries.length ? '\n' : '');
}

/** An export of the entries in the chosen format, with a file name stamped by `now`. */
export function exportJournal(
  entries: JournalEntry[],
  format: 'csv' | 'jsonl',
  now: number,
): JournalExport {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return format === 'csv'
    ? {
        fileName: `opsdesk-journal-${stamp}.csv`,
        mimeType: 'text/csv',
        content: journalToCsv(entries),
      }
    : {
        fileName: `opsdesk-journal-${stamp}.jsonl`,
        mimeType: 'application/x-ndjson',
        content: journalToJsonLines(entries),
      };
}
