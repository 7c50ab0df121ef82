/**
 * Splits event text into lower-case word tokens: runs of Unicode letters,
 * marks and digits. Everything else separates words, so `request_id` and
 * `10.0.0.1` are several tokens each.
 *
 * The index, the query parser and the record check all use this one
 * definition, so a word found by the index is always a word the check accepts.
 */

// Characters outside ASCII are classified once each and remembered, because a
// Unicode property regex per character would dominate loading time.
const WORD = 1;
const SEPARATOR = 2;
const bmpClass = new Uint8Array(0x10000);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

for (let code = 0; code < 128; code += 1) {
  const isWord =
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  bmpClass[code] = isWord ? WORD : SEPARATOR;
}

function isWordCode(text: string, index: number, code: number): boolean {
  if (bmpClass[code] !== 0) return bmpClass[code] === WORD;
  if (code >= 0xdc00 && code <= 0xdfff) {
    // The second half of a surrogate pair belongs with the first.
    const previous = text.charCodeAt(index - 1);
    return previous >= 0xd800 && previous <= 0xdbff && isWordCode(text, index - 1, previous);
  }
  const isWord = WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index) ?? code));
  if (code < 0xd800 || code > 0xdbff) bmpClass[code] = isWord ? WORD : SEPARATOR;
  return isWord;
}

/** The tokens of `text` in order, lower-cased, duplicates kept. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let index = 0; index < lower.length; index += 1) {
    if (isWordCode(lower, index, lower.charCodeAt(index))) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      tokens.push(lower.slice(start, index));
      start = -1;
    }
  }
  if (start >= 0) tokens.push(lower.slice(start));
  return tokens;
}

/** Whether the character at `index` of `text` belongs to a word. */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return isWordCode(text, index, text.charCodeAt(index));
}
