import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JournalEntry } from '../../shared/workflows';
import { createLogger } from '../logger';

const logger = createLogger('journal');

/** The file name of the journal inside the data folder. */
export const JOURNAL_FILE_NAME = 'journal.jsonl';

/** The local, append-only record of every start, approval, stop and outcome. */
export interface Journal {
  /** Appends one entry and resolves only once it is on disk. */
  append(entry: JournalEntry): Promise<void>;
  /** Every entry, oldest first; a damaged line is skipped, not fatal. */
  read(): Promise<JournalEntry[]>;
}

/**
 * Creates the journal as a JSON-lines file in `dataDir`.
 *
 * Each append opens the file for appending, writes one line and syncs it
 * before resolving, so a run reported as started survives a crash right after.
 * Appends are queued so two lines never interleave.
 */
export function createJournal(dataDir: string): Journal {
  const filePath = path.join(dataDir, JOURNAL_FILE_NAME);
  let queue: Promise<void> = Promise.resolve();

  const write = async (line: string) => {
    await mkdir(dataDir, { recursive: true });
    const file = await open(filePath, 'a', 0o600);
    try {
      await file.write(line);
      await file.datasync();
    } finally {
      await file.close();
    }
  };

  return {
    append(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      const appended = queue.then(() => write(line));
      queue = appended.catch(() => undefined);
      return appended;
    },

    async read() {
      await queue;
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const entries: JournalEntry[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          entries.push(JSON.parse(line) as JournalEntry);
        } catch {
          // Only a crash in mid-write leaves a partial line, and only the last one.
          logger.warn(`skipped a damaged journal line of ${line.length} characters`);
        }
      }
      return entries;
    },
  };
}
