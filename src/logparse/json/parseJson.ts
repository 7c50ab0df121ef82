import { MAX_JSON_CHARS } from '../limits';

/**
 * Parses a JSON object; returns undefined for anything that is not one.
 *
 * With `exact`, integers too large for a double (above 2^53, e.g. Go's
 * `9223372036854775807`) are kept as their exact text. That costs a scan of
 * the text, so callers parse plainly first and only ask for it when
 * flattenInto reports an inexact number.
 */
export function parseJsonObject(text: string, exact = false): Record<string, unknown> | undefined {
  if (text.length > MAX_JSON_CHARS) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(exact ? quoteUnsafeIntegers(text) : text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

/** Rewrites integer literals that a double cannot hold exactly into JSON strings. */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i += 1;
      else if (code === 34) inString = false;
      continue;
    }
    if (code === 34) {
      inString = true;
      continue;
    }
    if (code !== 45 && (code < 48 || code > 57)) continue;

    let end = i + 1;
    let integer = true;
    while (end < text.length) {
      const next = text.charCodeAt(end);
      if (next >= 48 && next <= 57) {
        end += 1;
      } else if (next === 46 || next === 101 || next === 69 || next === 43 || next === 45) {
        integer = false;
        end += 1;
      } else {
        break;
      }
    }
    const literal = text.slice(i, end);
    if (integer && literal.length >= 16 && !Number.isSafeInteger(Number(literal))) {
      out += text.slice(copiedUpTo, i) + '"' + literal + '"';
      copiedUpTo = end;
    }
    i = end - 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}
