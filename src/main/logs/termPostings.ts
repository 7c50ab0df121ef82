import { ensureCapacity } from './store/growable';
import { tokenHash } from './tokenScan';

const NONE = -1;
/** Entries per term in `terms`: where its characters start, how many, its last posting and block. */
const TERM_STRIDE = 4;
const TERM_START = 0;
const TERM_LENGTH = 1;
const TERM_LAST_POSTING = 2;
const TERM_LAST_BLOCK = 3;
/** The hash table is at most half full, so a probe finds its slot in a step or two. */
const MAX_LOAD = 0.5;

/**
 * The distinct tokens of the loaded events, each with the list of blocks it
 * occurs in: the word index's vocabulary and postings.
 *
 * Everything lives in typed arrays rather than in a string and an array per
 * token: a JSON log with a request id per line has a million tokens that
 * occur once, and as JS objects they cost several hundred megabytes and most
 * of the loading time. A token's characters are kept once in a character
 * arena; its blocks form a linked list of postings, appended in block order.
 */
export class TermPostings {
  /**
   * Open addressing by hash: per slot the token's hash and its term id + 1
   * (0 for an empty slot), side by side so a probe reads one cache line.
   */
  private slots = new Int32Array(2 << 12);
  /** Per term, TERM_STRIDE entries: see the TERM_ offsets. */
  private terms = new Int32Array(0);
  private firstPosting = new Int32Array(0);
  private chars = new Uint16Array(0);
  private charsUsed = 0;
  private postingBlock = new Int32Array(0);
  private postingNext = new Int32Array(0);
  /** How many distinct tokens are held. */
  termCount = 0;
  /** How many (token, block) pairs are held. */
  postingCount = 0;

  /**
   * Records that the token `source[start, end)` (ASCII capitals read as
   * lower case; `hash` from scanTokens) occurs in `block`. Blocks arrive in
   * increasing order, so a repeat within a block is the term's last block.
   */
  add(source: string, start: number, end: number, hash: number, block: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const signed = hash | 0;
    let slot = hash & mask;
    let term: number;
    for (;;) {
      const entry = slots[2 * slot + 1];
      if (entry === 0) {
        term = this.insert(source, start, end, signed, slot);
        break;
      }
      if (slots[2 * slot] === signed && this.holds(entry - 1, source, start, end)) {
        term = entry - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }

    const at = term * TERM_STRIDE;
    if (this.terms[at + TERM_LAST_BLOCK] === block) return;
    const posting = this.newPosting(block);
    const last = this.terms[at + TERM_LAST_POSTING];
    if (last === NONE) this.firstPosting[term] = posting;
    else this.postingNext[last] = posting;
    this.terms[at + TERM_LAST_POSTING] = posting;
    this.terms[at + TERM_LAST_BLOCK] = block;
  }

  /** The blocks holding the lower-case `token`, in increasing order. */
  blocksOf(token: string): number[] {
    const term = this.find(token);
    const blocks: number[] = [];
    if (term === NONE) return blocks;
    for (let posting = this.firstPosting[term]; posting !== NONE;) {
      blocks.push(this.postingBlock[posting]);
      posting = this.postingNext[posting];
    }
    return blocks;
  }

  /**
   * The tokens starting with the lower-case `prefix`; undefined once there
   * are more than `limit`, so a one-letter prefix makes no million strings.
   */
  termsStartingWith(prefix: string, limit: number): string[] | undefined {
    const found: string[] = [];
    const length = prefix.length;
    const first = prefix.charCodeAt(0);
    const { terms, chars } = this;
    for (let term = 0; term < this.termCount; term += 1) {
      const start = terms[term * TERM_STRIDE + TERM_START];
      if (terms[term * TERM_STRIDE + TERM_LENGTH] < length || chars[start] !== first) continue;
      let index = 1;
      while (index < length && chars[start + index] === prefix.charCodeAt(index)) index += 1;
      if (index < length) continue;
      if (found.length === limit) return undefined;
      found.push(this.termText(term));
    }
    return found;
  }

  private find(token: string): number {
    if (token.length === 0) return NONE;
    const hash = tokenHash(token);
    const mask = (this.slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[2 * slot + 1];
      if (entry === 0) return NONE;
      if (this.slots[2 * slot] === (hash | 0) && this.holds(entry - 1, token, 0, token.length))
        return entry - 1;
    }
  }

  private holds(term: number, source: string, start: number, end: number): boolean {
    const at = term * TERM_STRIDE;
    if (this.terms[at + TERM_LENGTH] !== end - start) return false;
    const chars = this.chars;
    const offset = this.terms[at + TERM_START] - start;
    for (let index = start; index < end; index += 1) {
      let code = source.charCodeAt(index);
      if (code >= 65 && code <= 90) code += 32;
      if (chars[offset + index] !== code) return false;
    }
    return true;
  }

  private insert(source: string, start: number, end: number, hash: number, slot: number): number {
    const term = this.termCount;
    this.terms = ensureCapacity(this.terms, (term + 1) * TERM_STRIDE);
    this.firstPosting = ensureCapacity(this.firstPosting, term + 1);
    const length = end - start;
    if (this.charsUsed + length > this.chars.length)
      this.chars = ensureCapacity(this.chars, this.charsUsed + length);
    const offset = this.charsUsed;
    for (let index = 0; index < length; index += 1) {
      const code = source.charCodeAt(start + index);
      this.chars[offset + index] = code >= 65 && code <= 90 ? code + 32 : code;
    }
    this.charsUsed += length;

    const at = term * TERM_STRIDE;
    this.terms[at + TERM_START] = offset;
    this.terms[at + TERM_LENGTH] = length;
    this.terms[at + TERM_LAST_POSTING] = NONE;
    this.terms[at + TERM_LAST_BLOCK] = NONE;
    this.firstPosting[term] = NONE;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = term + 1;
    this.termCount = term + 1;
    if (this.termCount > (this.slots.length >> 1) * MAX_LOAD) this.rehash();
    return term;
  }

  private newPosting(block: number): number {
    const posting = this.postingCount;
    if (posting >= this.postingBlock.length) {
      this.postingBlock = ensureCapacity(this.postingBlock, posting + 1);
      this.postingNext = ensureCapacity(this.postingNext, posting + 1);
    }
    this.postingBlock[posting] = block;
    this.postingNext[posting] = NONE;
    this.postingCount = posting + 1;
    return posting;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = old[at] & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[at];
      slots[2 * slot + 1] = old[at + 1];
    }
    this.slots = slots;
  }

  private termText(term: number): string {
    const start = this.terms[term * TERM_STRIDE + TERM_START];
    const end = start + this.terms[term * TERM_STRIDE + TERM_LENGTH];
    // In pieces, because a spread of a million arguments overflows the stack.
    let text = '';
    for (let at = start; at < end; at += 8192) {
      text += String.fromCharCode(...this.chars.subarray(at, Math.min(end, at + 8192)));
    }
    return text;
  }
}
