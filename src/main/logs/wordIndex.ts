import { Index } from 'flexsearch';
import { collectTokens } from './tokenize';

/** Records per index document: one FlexSearch document per block of records. */
export const BLOCK_SIZE = 256;

/**
 * Only the first part of a very long event is tokenised, so one 50 MB line
 * cannot hold the index hostage; its full text is still kept and checked.
 */
export const MAX_INDEXED_CHARS = 1 << 20;

/**
 * The word index: FlexSearch over blocks of consecutive records.
 *
 * A document per record costs FlexSearch about 1 KB per line; a document per
 * block of 256 records, holding the block's distinct tokens, costs a fraction
 * of that. A word lookup returns candidate blocks whose records are then
 * checked one by one. The block being filled is not in FlexSearch yet and is
 * always a candidate, so searches during a load see every record so far.
 */
export class WordIndex {
  // Documents are handed over already tokenised and deduplicated (an array;
  // FlexSearch passes non-string content straight to `encode`), and a single
  // resolution slot turns off scoring, which a block of lines has no use for.
  private readonly index = new Index({
    tokenize: 'strict',
    resolution: 1,
    encode: (content: string) => (typeof content === 'string' ? [content] : content),
  });
  private openTokens = new Set<string>();
  private readonly blocksWithFieldOnlyWords = new Set<number>();
  private openBlock = 0;
  private sealedBlocks = 0;

  /**
   * Adds the words of record `id`'s text to its block, and of those field
   * values that do not appear in the text (most do, and need no second pass).
   */
  add(id: number, text: string, fieldOnlyValues: string[]): void {
    const block = Math.floor(id / BLOCK_SIZE);
    if (block !== this.openBlock) this.seal(block);
    if (fieldOnlyValues.length > 0) this.blocksWithFieldOnlyWords.add(block);
    collectTokens(
      text.length > MAX_INDEXED_CHARS ? text.slice(0, MAX_INDEXED_CHARS) : text,
      this.openTokens,
    );
    for (const value of fieldOnlyValues) collectTokens(value, this.openTokens);
  }

  /** Whether some record of `block` has a field value its text does not show. */
  hasFieldOnlyWords(block: number): boolean {
    return this.blocksWithFieldOnlyWords.has(block);
  }

  /** Blocks that may hold the exact token, in increasing order. */
  blocksWith(token: string): number[] {
    const blocks = this.index.search(token, { limit: this.sealedBlocks + 1 }) as number[];
    const sorted = blocks.slice().sort((a, b) => a - b);
    if (this.openTokens.has(token)) sorted.push(this.openBlock);
    return sorted;
  }

  /**
   * Indexed tokens starting with `prefix`, for `word*` queries; undefined
   * when the vocabulary cannot be listed and every block must be checked.
   */
  tokensStartingWith(prefix: string): string[] | undefined {
    // FlexSearch keeps its terms in `map`, which its typings do not declare;
    // reading it spares a second copy of a vocabulary of a million tokens.
    const terms = (this.index as unknown as { map?: unknown }).map;
    if (!(terms instanceof Map)) return undefined;
    const tokens: string[] = [];
    for (const token of terms.keys() as Iterable<string>) {
      if (token.startsWith(prefix)) tokens.push(token);
    }
    for (const token of this.openTokens) {
      if (token.startsWith(prefix) && !terms.has(token)) tokens.push(token);
    }
    return tokens;
  }

  /** Adds the block being filled to FlexSearch and starts block `next`. */
  private seal(next: number): void {
    if (this.openTokens.size > 0) {
      this.index.add(this.openBlock, [...this.openTokens] as unknown as string);
      this.sealedBlocks = this.openBlock + 1;
    }
    this.openTokens = new Set();
    this.openBlock = next;
  }
}
