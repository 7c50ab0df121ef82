import { describe, expect, it } from 'vitest';
import { queryErrorExcerpt } from './queryErrorExcerpt';

describe('the query around a syntax error', () => {
  it('splits a short query at the offending character', () => {
    expect(queryErrorExcerpt('status:>=abc', 9)).toEqual({
      before: 'status:>=',
      at: 'a',
      after: 'bc',
      cutBefore: false,
      cutAfter: false,
    });
  });

  it('marks a blank just past the end when the query ends too early', () => {
    const excerpt = queryErrorExcerpt('(level:error', 12);
    expect(excerpt.before).toBe('(level:error');
    expect(excerpt.at).toBe(' ');
    expect(excerpt.after).toBe('');
  });

  it('keeps the position in view in a long query, and says what was cut', () => {
    const query = `${'a'.repeat(100)}!${'b'.repeat(100)}`;
    const excerpt = queryErrorExcerpt(query, 100, 20);
    expect(excerpt.at).toBe('!');
    expect(excerpt.before).toBe('a'.repeat(10));
    expect(excerpt.after).toBe('b'.repeat(9));
    expect(excerpt.cutBefore).toBe(true);
    expect(excerpt.cutAfter).toBe(true);
  });

  it('clamps a position outside the query', () => {
    expect(queryErrorExcerpt('abc', -4).at).toBe('a');
    expect(queryErrorExcerpt('abc', 99).before).toBe('abc');
  });
});
