import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('counting nouns', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'event')).toBe('1 event');
    expect(countOf(0, 'event')).toBe('0 events');
    expect(countOf(2, 'record')).toBe('2 records');
  });

  it('groups thousands and takes an irregular plural', () => {
    expect(countOf(1_204_311, 'event')).toBe('1,204,311 events');
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
  });
});
