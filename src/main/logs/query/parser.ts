import { OpsdeskError } from '../../../shared/result';
import type { FieldMatch, QueryNode } from './ast';
import { lexQuery, type QueryToken } from './lexer';

const FIELD_TERM = /^([\p{L}_@][\p{L}\p{N}_.@-]*):(.*)$/su;
const COMPARISON = /^(<=|>=|<|>)(.*)$/s;
const RANGE = /^(.*?)\.\.(.*)$/s;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Fields the query language itself knows, whatever the format. */
const LEVEL_FIELD = 'level';

function syntaxError(message: string, position: number): OpsdeskError {
  return new OpsdeskError('query-syntax', `${message} at ${position}`, position);
}

function describe(token: QueryToken | undefined): string {
  if (!token) return 'the end of the query';
  if (token.type === 'close') return ')';
  if (token.type === 'and' || token.type === 'or' || token.type === 'not') {
    return token.type.toUpperCase();
  }
  return 'a term';
}

/** Parses the value after `field:` into how the field must match. */
function parseFieldMatch(field: string, raw: string, valuePosition: number): FieldMatch {
  if (raw === '') throw syntaxError(`Expected a value after ${field}:`, valuePosition);

  const comparison = COMPARISON.exec(raw);
  if (comparison) {
    const [, comparator, value] = comparison;
    const isLevel = field.toLowerCase() === LEVEL_FIELD;
    if (!(isLevel ? /^\p{L}+$/u.test(value) : NUMBER.test(value))) {
      const wanted = isLevel ? 'a level name' : 'a number';
      throw syntaxError(
        `Expected ${wanted} after ${comparator}`,
        valuePosition + comparator.length,
      );
    }
    return { op: 'compare', comparator: comparator as '<' | '<=' | '>' | '>=', value };
  }

  const range = RANGE.exec(raw);
  if (range && (NUMBER.test(range[1]) || range[1] === '')) {
    const [, min, max] = range;
    if (min === '') throw syntaxError('Expected a number before ..', valuePosition);
    const maxPosition = valuePosition + min.length + 2;
    if (!NUMBER.test(max)) throw syntaxError('Expected a number after ..', maxPosition);
    return { op: 'range', min: Number(min), max: Number(max) };
  }

  const prefix = raw.length > 1 && raw.endsWith('*');
  return { op: 'equals', value: prefix ? raw.slice(0, -1) : raw, prefix };
}

function bareTerm(token: Extract<QueryToken, { type: 'bare' }>): QueryNode {
  const field = FIELD_TERM.exec(token.text);
  if (field) {
    const [, name, raw] = field;
    const match = parseFieldMatch(name, raw, token.position + name.length + 1);
    return { kind: 'field', field: name, match, position: token.position };
  }
  if (token.text === '*') return { kind: 'all' };
  const prefix = token.text.length > 1 && token.text.endsWith('*');
  const text = prefix ? token.text.slice(0, -1) : token.text;
  return { kind: 'word', text, prefix, position: token.position };
}

/** Recursive descent over the tokens; precedence NOT > AND > OR. */
class QueryParser {
  private index = 0;

  constructor(private readonly tokens: QueryToken[]) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) return { kind: 'all' };
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) throw syntaxError(`Unexpected ${describe(extra)}`, extra.position);
    return node;
  }

  private peek(): QueryToken | undefined {
    return this.tokens[this.index];
  }

  private parseOr(): QueryNode {
    const operands = [this.parseAnd()];
    while (this.peek()?.type === 'or') {
      const operator = this.tokens[this.index++];
      if (!this.startsTerm(this.peek())) {
        throw syntaxError('Expected a term after OR', operator.position);
      }
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): QueryNode {
    const operands = [this.parseUnary()];
    for (;;) {
      const next = this.peek();
      if (next?.type === 'and') {
        this.index += 1;
        if (!this.startsTerm(this.peek())) {
          throw syntaxError('Expected a term after AND', next.position);
        }
      } else if (!this.startsTerm(next)) {
        break;
      }
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private startsTerm(token: QueryToken | undefined): boolean {
    return (
      token !== undefined && token.type !== 'close' && token.type !== 'and' && token.type !== 'or'
    );
  }

  private parseUnary(): QueryNode {
    const token = this.peek();
    if (token?.type === 'not' || token?.type === 'minus') {
      this.index += 1;
      if (!this.startsTerm(this.peek())) {
        const operator = token.type === 'not' ? 'NOT' : '-';
        throw syntaxError(`Expected a term after ${operator}`, token.position);
      }
      return { kind: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const token = this.tokens[this.index++];
    if (!token) {
      const end = this.tokens.at(-1);
      throw syntaxError('Expected a term', end ? end.position + 1 : 0);
    }
    switch (token.type) {
      case 'open': {
        if (this.peek()?.type === 'close') {
          throw syntaxError('Expected a term inside ( )', token.position + 1);
        }
        const inner = this.parseOr();
        if (this.peek()?.type !== 'close') {
          throw syntaxError('Expected ) to close the (', token.position);
        }
        this.index += 1;
        return inner;
      }
      case 'quoted':
        if (token.field !== undefined) {
          const match: FieldMatch = { op: 'equals', value: token.text, prefix: false };
          return { kind: 'field', field: token.field, match, position: token.position };
        }
        return { kind: 'phrase', text: token.text, position: token.position };
      case 'bare':
        return bareTerm(token);
      default:
        throw syntaxError(`Unexpected ${describe(token)}`, token.position);
    }
  }
}

/**
 * Parses the search box's query language.
 *
 * Throws OpsdeskError('query-syntax') whose message and `position` name the
 * character offset (from 0) where the query stops making sense.
 */
export function parseQuery(query: string): QueryNode {
  return new QueryParser(lexQuery(query)).parse();
}
