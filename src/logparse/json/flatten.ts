import type { FieldValue } from '../../shared/logs';
import { MAX_FIELDS, MAX_FLATTEN_DEPTH } from '../limits';

/**
 * Flattens a JSON object into `fields` with dotted keys
 * (`{request: {amount: {units: 5}}}` becomes `request.amount.units: 5`).
 *
 * Arrays are kept whole as their JSON text under their key, so a stack trace
 * array stays one readable value; nulls are absent; objects nested deeper
 * than MAX_FLATTEN_DEPTH are kept as JSON text. At most MAX_FIELDS fields are
 * taken; the rest stays searchable through the event text. `skipKeys`
 * (top-level keys) are left out: the message, time and level, which the
 * event holds apart, so a column of a million distinct times is never built.
 *
 * Returns false when a number lost precision in parsing (an integer beyond
 * 2^53): the caller should parse the text again with `exact`.
 */
export function flattenInto(
  fields: Record<string, FieldValue>,
  value: Record<string, unknown>,
  prefix = '',
  skipKeys: readonly string[] = NO_KEYS,
): boolean {
  let existing = 0;
  for (const _key in fields) existing += 1;
  inexact = false;
  walk(fields, value, prefix, 0, existing, skipKeys);
  return !inexact;
}

const NO_KEYS: readonly string[] = [];

/** Set by walk when it meets an integer a double cannot hold exactly. */
let inexact = false;

/** Adds the members of `value` and returns the number of fields afterwards. */
function walk(
  fields: Record<string, FieldValue>,
  value: Record<string, unknown>,
  prefix: string,
  depth: number,
  count: number,
  skipKeys: readonly string[] = NO_KEYS,
): number {
  let total = count;
  for (const key in value) {
    if (total >= MAX_FIELDS) return total;
    if (skipKeys.length > 0 && skipKeys.includes(key)) continue;
    const item = value[key];
    if (item === null || item === undefined) continue;
    const name = prefix === '' ? key : prefix + '.' + key;
    switch (typeof item) {
      case 'string':
      case 'boolean':
        fields[name] = item;
        total += 1;
        break;
      case 'number':
        if (Number.isFinite(item)) {
          if (!Number.isSafeInteger(item) && Number.isInteger(item)) inexact = true;
          fields[name] = item;
          total += 1;
        }
        break;
      case 'object':
        if (Array.isArray(item) || depth + 1 >= MAX_FLATTEN_DEPTH) {
          if (!inexact && holdsInexactInteger(item)) inexact = true;
          fields[name] = JSON.stringify(item);
          total += 1;
        } else {
          total = walk(fields, item as Record<string, unknown>, name, depth + 1, total);
        }
        break;
      default:
        break;
    }
  }
  return total;
}

/** Whether a value kept whole as JSON text holds an integer beyond 2^53. */
function holdsInexactInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) {
    if (holdsInexactInteger((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
