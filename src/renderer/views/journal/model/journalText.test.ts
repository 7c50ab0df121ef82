import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../shared/workflows';
import { journalValues } from './journalText';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const BERLIN = 'Europe/Berlin';

function entry(extra: Partial<JournalEntry>): JournalEntry {
  return {
    kind: 'outcome',
    at: NOW,
    environment: 'sandbox',
    who: 'arn:aws:iam::000000000000:user/dev',
    what: 'approve',
    ...extra,
  };
}

describe('the values of a journal entry', () => {
  it('lists parameters, then outputs, leaving out empty outputs', () => {
    const values = journalValues(
      entry({
        parameters: { service: 'web' },
        outputs: { exitCode: 0, snapshotId: null, ok: true, tags: ['a', 'b'] },
      }),
      NOW,
      BERLIN,
    );
    expect(values).toEqual([
      { name: 'service', value: 'web' },
      { name: 'exitCode', value: '0' },
      { name: 'ok', value: 'true' },
      { name: 'tags', value: '["a","b"]' },
    ]);
  });

  it('writes epoch milliseconds under a time-like name as a date', () => {
    const approvedAt = Date.parse('2026-12-03T12:57:57Z');
    const values = journalValues(entry({ outputs: { approvedAt } }), NOW, BERLIN);
    expect(values).toEqual([{ name: 'approvedAt', value: '3 Dec, 13:57:57' }]);
  });

  it('writes ISO times as dates, with the year when not this one', () => {
    const values = journalValues(
      entry({ outputs: { createdAt: '2025-11-30T23:10:05.000Z' } }),
      NOW,
      BERLIN,
    );
    expect(values).toEqual([{ name: 'createdAt', value: '1 Dec 2025, 00:10:05' }]);
  });

  it('leaves numbers that are not times as they are', () => {
    const values = journalValues(
      entry({ outputs: { durationMs: 1_796_306_107_685, exitCode: 137, startedAt: 12 } }),
      NOW,
      BERLIN,
    );
    expect(values.map((value) => value.value)).toEqual(['1796306107685', '137', '12']);
  });
});
