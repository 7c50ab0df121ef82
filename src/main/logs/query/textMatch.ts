const WORD_CLASS = '[\\p{L}\\p{N}\\p{M}]';

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * A test for one whole word (or word prefix) anywhere in a text, ignoring
 * case, with the same notion of word characters as the tokenizer.
 */
export function wordPattern(word: string, prefix: boolean): RegExp {
  const end = prefix ? '' : `(?!${WORD_CLASS})`;
  return new RegExp(`(?<!${WORD_CLASS})${escapeRegExp(word)}${end}`, 'iu');
}

/** A test for a phrase as a substring of a text, ignoring case. */
export function phrasePattern(phrase: string): RegExp {
  return new RegExp(escapeRegExp(phrase), 'iu');
}
