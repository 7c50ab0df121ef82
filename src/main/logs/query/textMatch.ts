const WORD_CLASS = '[\\p{L}\\p{N}\\p{M}]';

const STARTS_WITH_WORD = new RegExp(`^${WORD_CLASS}`, 'u');
const ENDS_WITH_WORD = new RegExp(`${WORD_CLASS}$`, 'u');

// With the `u` flag only syntax characters and `/` may be escaped: an escaped
// `-` outside a class is a syntax error, so `-` is left as it is.
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * A test for one whole word (or word prefix) anywhere in a text, ignoring
 * case, with the same notion of word characters as the tokenizer.
 */
export function wordPattern(word: string, prefix: boolean): RegExp {
  const end = prefix ? '' : `(?!${WORD_CLASS})`;
  return new RegExp(`(?<!${WORD_CLASS})${escapeRegExp(word)}${end}`, 'iu');
}

/**
 * A test for a phrase in a text, ignoring case. Where the phrase begins or
 * ends with a word character it must begin or end a word there, the same as a
 * bare word: candidates come from the index by whole words, so a phrase that
 * could start mid-word would match in some blocks and be missed in others.
 */
export function phrasePattern(phrase: string): RegExp {
  const start = STARTS_WITH_WORD.test(phrase) ? `(?<!${WORD_CLASS})` : '';
  const end = ENDS_WITH_WORD.test(phrase) ? `(?!${WORD_CLASS})` : '';
  return new RegExp(`${start}${escapeRegExp(phrase)}${end}`, 'iu');
}
