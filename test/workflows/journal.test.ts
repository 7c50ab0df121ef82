// The local journal: append-only JSON lines on disk, filtered and exported.
import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournal, JOURNAL_FILE_NAME } from '../../src/main/journal/journal';
import { exportJournal, journalToCsv } from '../../src/main/journal/journalExport';
import { filterJournal } from '../../src/main/journal/journalQuery';
import type { JournalEntry } from '../../src/shared/workflows';

const who = 'arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/ana';
const start: JournalEntry = {
  kind: 'start',
  at: Date.UTC(2026, 2, 1, 9, 0, 0),
  environment: 'prod',
  who,
  what: 'deploy',
  runId: 'r1',
  parameters: { image: 'sha256:aa' },
};
const outcome: JournalEntry = {
  ...start,
  kind: 'outcome',
  at: start.at + 60_000,
  result: 'failed',
  message: 'opsdesk-deploy failed, "lock" held',
};

describe('appending', () => {
  it('writes one JSON line per entry, in order, readable after a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-journal-'));
    const journal = createJournal(dataDir);
    await Promise.all([journal.append(start), journal.append(outcome)]);

    const text = await readFile(path.join(dataDir, JOURNAL_FILE_NAME), 'utf8');
    expect(text.split('\n')).toEqual([JSON.stringify(start), JSON.stringify(outcome), '']);
    expect(await createJournal(dataDir).read()).toEqual([start, outcome]);
  });

  it('skips a line a crash cut short and keeps the rest', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-journal-'));
    const journal = createJournal(dataDir);
    await journal.append(start);
    await appendFile(path.join(dataDir, JOURNAL_FILE_NAME), '{"kind":"outc');

    expect(await journal.read()).toEqual([start]);
  });
});

describe('filtering', () => {
  it('keeps the failed outcomes, newest first, and finds text anywhere in an entry', () => {
    expect(filterJournal([start, outcome], { result: 'failed' })).toEqual([outcome]);
    expect(filterJournal([start, outcome], { text: 'SHA256:AA' })).toEqual([outcome, start]);
    expect(filterJournal([start, outcome], { from: outcome.at })).toEqual([outcome]);
  });
});

describe('exporting', () => {
  it('writes CSV with a header, ISO times and quoted cells where needed', () => {
    const [header, first] = journalToCsv([outcome]).split('\r\n');

    expect(header).toBe('at,kind,environment,who,what,runId,result,message,parameters,outputs');
    expect(first).toBe(
      `2026-03-01T09:01:00.000Z,outcome,prod,${who},deploy,r1,failed,` +
        '"opsdesk-deploy failed, ""lock"" held","{""image"":""sha256:aa""}",',
    );
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = journalToCsv([{ ...start, what: '=HYPERLINK("x")' }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('names the file by format and time, and writes JSON lines as stored', () => {
    const file = exportJournal([start], 'jsonl', Date.UTC(2026, 2, 1, 12, 30, 5));
    expect(file).toEqual({
      fileName: 'opsdesk-journal-20260301-123005.jsonl',
      mimeType: 'application/x-ndjson',
      content: `${JSON.stringify(start)}\n`,
    });
  });
});
