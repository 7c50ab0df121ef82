import { OpsdeskError } from '../../../shared/result';

/** One lexical token of a query, with the offset it starts at. */
export type QueryToken =
  | { type: 'open' | 'close' | 'minus'; position: number }
  | { type: 'and' | 'or' | 'not'; position: number }
  /** A quoted string; `field` is set for `field:"value"`. */
  | { type: 'quoted'; text: string; field?: string; position: number }
  | { type: 'bare'; text: string; position: number };

const KEYWORDS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not' };
const FIELD_BEFORE_QUOTE = /^[\p{L}_@][\p{L}\p{N}_.@-]*:$/u;

function isBareChar(char: string): boolean {
  return char !== '(' && char !== ')' && char !== '"' && !/\s/.test(char);
}

/** Reads a quoted string starting at the quote at `start`; returns text and end. */
function readQuoted(query: string, start: number): { text: string; end: number } {
  let text = '';
  let index = start + 1;
  while (index < query.length) {
    const char = query[index];
    if (char === '\\' && index + 1 < query.length) {
      text += query[index + 1];
      index += 2;
    } else if (char === '"') {
      return { text, end: index + 1 };
    } else {
      text += char;
      index += 1;
    }
  }
  throw new OpsdeskError('query-syntax', `Expected " to close the quote at ${start}`, start);
}

/**
 * Splits a query into tokens. Operators are upper-case only (`AND`, `OR`,
 * `NOT`), so the words "and", "or" and "not" can still be searched for.
 */
export function lexQuery(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index];
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'open' : 'close', position: index });
      index += 1;
    } else if (char === '"') {
      const quoted = readQuoted(query, index);
      tokens.push({ type: 'quoted', text: quoted.text, position: index });
      index = quoted.end;
    } else if (char === '-' && index + 1 < query.length && !/\s/.test(query[index + 1])) {
      tokens.push({ type: 'minus', position: index });
      index += 1;
    } else {
      const start = index;
      while (index < query.length && isBareChar(query[index])) index += 1;
      const text = query.slice(start, index);
      if (query[index] === '"' && FIELD_BEFORE_QUOTE.test(text)) {
        const quoted = readQuoted(query, index);
        tokens.push({
          type: 'quoted',
          text: quoted.text,
          field: text.slice(0, -1),
          position: start,
        });
        index = quoted.end;
      } else if (Object.hasOwn(KEYWORDS, text)) {
        tokens.push({ type: KEYWORDS[text], position: start });
      } else {
        tokens.push({ type: 'bare', text, position: start });
      }
    }
  }
  return tokens;
}
