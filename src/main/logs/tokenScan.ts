import { isWordCharAt } from './tokenize';

/** Receives the tokens of a text one by one, as positions rather than strings. */
export interface TokenSink {
  /**
   * One token: the characters `source[start, end)`, where ASCII capitals
   * stand for their lower-case letters; `hash` is tokenHash of the token.
   */
  token(source: string, start: number, end: number, hash: number): void;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))
    ASCII_WORD[code] = 1;
}

/** The 32-bit FNV-1a hash of a lower-case token, as scanTokens reports it. */
export function tokenHash(token: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < token.length; index += 1) {
    hash = Math.imul(hash ^ lowerAscii(token.charCodeAt(index)), FNV_PRIME);
  }
  return hash >>> 0;
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Hands every token of the first `limit` characters of `text` to `sink`, the
 * same tokens `tokenize` returns, without making a string per token.
 *
 * Loading calls this for every line, so the common case, a line of ASCII, is
 * read once and lower-cased one character at a time. At the first character
 * beyond ASCII the rest is read from `text.toLowerCase()`, which lower-cases
 * the way `tokenize` does; the ASCII part before it is the same in both.
 */
export function scanTokens(text: string, sink: TokenSink, limit = text.length): void {
  const end = Math.min(limit, text.length);
  const resumeAt = scan(text, 0, end, sink, true);
  if (resumeAt >= 0) {
    const lower = text.toLowerCase();
    scan(lower, resumeAt, Math.min(lower.length, end + lower.length - text.length), sink, false);
  }
}

/**
 * Scans `source[from, end)`. In `asciiOnly` mode it stops at the first
 * character beyond ASCII and returns where to resume (the start of the token
 * it was in), having reported only the tokens before; otherwise returns -1.
 */
function scan(
  source: string,
  from: number,
  end: number,
  sink: TokenSink,
  asciiOnly: boolean,
): number {
  let start = -1;
  let hash = FNV_OFFSET;
  for (let index = from; index < end; index += 1) {
    const code = source.charCodeAt(index);
    let isWord: boolean;
    if (code < 128) isWord = ASCII_WORD[code] === 1;
    else if (asciiOnly) return start < 0 ? index : start;
    else isWord = isWordCharAt(source, index);

    if (isWord) {
      if (start < 0) {
        start = index;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ lowerAscii(code), FNV_PRIME);
    } else if (start >= 0) {
      sink.token(source, start, index, hash >>> 0);
      start = -1;
    }
  }
  if (start >= 0) sink.token(source, start, end, hash >>> 0);
  return -1;
}
