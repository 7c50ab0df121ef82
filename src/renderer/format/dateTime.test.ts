import { describe, expect, it } from 'vitest';
import { shortDateTime } from './dateTime';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const BERLIN = { timeZone: 'Europe/Berlin' };

describe('short local times', () => {
  it('leaves out the year of this year and shows it for another', () => {
    expect(shortDateTime('2026-12-03T10:05:00Z', NOW, BERLIN)).toBe('3 Dec, 11:05');
    expect(shortDateTime('2025-06-30T22:30:00Z', NOW, BERLIN)).toBe('1 Jul 2025, 00:30');
  });

  it('takes epoch milliseconds and shows seconds when asked', () => {
    const at = Date.parse('2026-12-03T12:57:57Z');
    expect(shortDateTime(at, NOW, { ...BERLIN, seconds: true })).toBe('3 Dec, 13:57:57');
    expect(shortDateTime(at, NOW, BERLIN)).toBe('3 Dec, 13:57');
  });

  it('shows a dash for a missing or unreadable time', () => {
    expect(shortDateTime(null, NOW)).toBe('—');
    expect(shortDateTime('yesterday-ish', NOW)).toBe('—');
  });
});
