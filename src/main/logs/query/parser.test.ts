import { describe, expect, it } from 'vitest';
import { OpsdeskError } from '../../../shared/result';
import { parseQuery } from './parser';

function syntaxErrorOf(query: string): { message: string; position?: number } {
  try {
    parseQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(OpsdeskError);
    const failure = error as OpsdeskError;
    expect(failure.code).toBe('query-syntax');
    return { message: failure.message, position: failure.position };
  }
  throw new Error(`expected a syntax error for ${query}`);
}

describe('parseQuery: terms', () => {
  it('reads an empty or blank query as every event', () => {
    expect(parseQuery('')).toEqual({ kind: 'all' });
    expect(parseQuery('   ')).toEqual({ kind: 'all' });
  });

  it('reads a bare word, keeping its offset', () => {
    expect(parseQuery('  timeout')).toEqual({
      kind: 'word',
      text: 'timeout',
      prefix: false,
      position: 2,
    });
  });

  it('reads a trailing * as a word prefix', () => {
    expect(parseQuery('time*')).toEqual({ kind: 'word', text: 'time', prefix: true, position: 0 });
  });

  it('reads a quoted phrase, with escaped quotes inside', () => {
    expect(parseQuery('"upstream timed \\"out\\""')).toEqual({
      kind: 'phrase',
      text: 'upstream timed "out"',
      position: 0,
    });
  });

  it('reads field:value as keyword equality, and field:val* as a prefix', () => {
    expect(parseQuery('method:GET')).toMatchObject({
      kind: 'field',
      field: 'method',
      match: { op: 'equals', value: 'GET', prefix: false },
    });
    expect(parseQuery('path:/api*')).toMatchObject({
      match: { op: 'equals', value: '/api', prefix: true },
    });
  });

  it('reads field:"quoted value" as equality with the whole value', () => {
    expect(parseQuery('user:"Ada Lovelace"')).toEqual({
      kind: 'field',
      field: 'user',
      match: { op: 'equals', value: 'Ada Lovelace', prefix: false },
      position: 0,
    });
  });

  it('reads numeric comparisons and ranges', () => {
    expect(parseQuery('status:>=500')).toMatchObject({
      match: { op: 'compare', comparator: '>=', value: '500' },
    });
    expect(parseQuery('status:>499').kind).toBe('field');
    expect(parseQuery('duration_ms:<100.5')).toMatchObject({
      field: 'duration_ms',
      match: { op: 'compare', comparator: '<', value: '100.5' },
    });
    expect(parseQuery('status:500..599')).toMatchObject({
      match: { op: 'range', min: 500, max: 599 },
    });
  });

  it('accepts a level name in a level comparison', () => {
    expect(parseQuery('level:>=warn')).toMatchObject({
      field: 'level',
      match: { op: 'compare', comparator: '>=', value: 'warn' },
    });
  });

  it('treats a colon in a word that does not start like a field name as part of the word', () => {
    expect(parseQuery('12:30:00')).toMatchObject({ kind: 'word', text: '12:30:00' });
  });
});

describe('parseQuery: operators', () => {
  it('joins terms separated by whitespace or AND with AND', () => {
    const implicit = parseQuery('error timeout');
    expect(implicit).toMatchObject({
      kind: 'and',
      operands: [{ text: 'error' }, { text: 'timeout' }],
    });
    expect(parseQuery('error AND timeout')).toEqual(
      expect.objectContaining({ kind: 'and', operands: [expect.anything(), expect.anything()] }),
    );
  });

  it('binds AND tighter than OR', () => {
    expect(parseQuery('a b OR c')).toMatchObject({
      kind: 'or',
      operands: [{ kind: 'and', operands: [{ text: 'a' }, { text: 'b' }] }, { text: 'c' }],
    });
  });

  it('groups with parentheses', () => {
    expect(parseQuery('a (b OR c)')).toMatchObject({
      kind: 'and',
      operands: [{ text: 'a' }, { kind: 'or', operands: [{ text: 'b' }, { text: 'c' }] }],
    });
  });

  it('negates with -word, -"phrase", -field:value and NOT', () => {
    expect(parseQuery('-debug')).toMatchObject({
      kind: 'not',
      operand: { kind: 'word', text: 'debug' },
    });
    expect(parseQuery('-"health check"')).toMatchObject({
      kind: 'not',
      operand: { kind: 'phrase' },
    });
    expect(parseQuery('-status:200')).toMatchObject({ kind: 'not', operand: { kind: 'field' } });
    expect(parseQuery('NOT (a OR b)')).toMatchObject({ kind: 'not', operand: { kind: 'or' } });
  });

  it('treats lower-case and/or/not as words to search for', () => {
    expect(parseQuery('rock and roll')).toMatchObject({
      kind: 'and',
      operands: [{ text: 'rock' }, { text: 'and' }, { text: 'roll' }],
    });
  });
});

describe('parseQuery: syntax errors point at the offending character', () => {
  it('reports an unclosed parenthesis at the (', () => {
    expect(syntaxErrorOf('error (timeout OR refused')).toEqual({
      message: 'Expected ) to close the ( at 6',
      position: 6,
    });
  });

  it('reports an unexpected )', () => {
    expect(syntaxErrorOf('error)')).toEqual({ message: 'Unexpected ) at 5', position: 5 });
  });

  it('reports an unterminated quote at the quote', () => {
    expect(syntaxErrorOf('say "hello')).toEqual({
      message: 'Expected " to close the quote at 4',
      position: 4,
    });
  });

  it('reports an operator with nothing after it', () => {
    expect(syntaxErrorOf('error OR')).toEqual({
      message: 'Expected a term after OR at 6',
      position: 6,
    });
    expect(syntaxErrorOf('error AND )').position).toBe(6);
    expect(syntaxErrorOf('NOT')).toEqual({
      message: 'Expected a term after NOT at 0',
      position: 0,
    });
  });

  it('reports an operator with nothing before it', () => {
    expect(syntaxErrorOf('OR error')).toEqual({ message: 'Unexpected OR at 0', position: 0 });
  });

  it('reports a field without a value', () => {
    expect(syntaxErrorOf('a status:')).toEqual({
      message: 'Expected a value after status: at 9',
      position: 9,
    });
  });

  it('reports a comparison without a number at the value', () => {
    expect(syntaxErrorOf('status:>=abc')).toEqual({
      message: 'Expected a number after >= at 9',
      position: 9,
    });
  });

  it('reports a range without an upper end after the ..', () => {
    expect(syntaxErrorOf('status:500..')).toEqual({
      message: 'Expected a number after .. at 12',
      position: 12,
    });
  });

  it('reports empty parentheses', () => {
    expect(syntaxErrorOf('a ()').position).toBe(3);
  });
});
