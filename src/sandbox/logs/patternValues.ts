import { invalidParameter } from '../errors';

/** Tells whether one log event's message matches a compiled filter pattern. */
export type EventMatcher = (message: string) => boolean;

/** The error CloudWatch Logs answers to a pattern it cannot parse. */
export function invalidPattern(): Error {
  return invalidParameter('Invalid filter pattern');
}

/** Compares a value with a pattern value, as metric filters do: `*` is a wildcard in strings. */
export function comparePatternValue(
  actual: unknown,
  operator: string,
  expected: string | number,
): boolean {
  if (typeof expected === 'number') {
    const number = typeof actual === 'number' ? actual : Number(actual);
    if (actual === null || actual === undefined || actual === '' || Number.isNaN(number))
      return false;
    switch (operator) {
      case '=':
        return number === expected;
      case '!=':
        return number !== expected;
      case '<':
        return number < expected;
      case '>':
        return number > expected;
      case '<=':
        return number <= expected;
      default:
        return number >= expected;
    }
  }

  if (actual === undefined || actual === null || typeof actual === 'object') return false;
  const wildcard = new RegExp(
    `^${expected
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  const equal = wildcard.test(String(actual));
  if (operator === '=') return equal;
  if (operator === '!=') return !equal;
  throw invalidPattern();
}
