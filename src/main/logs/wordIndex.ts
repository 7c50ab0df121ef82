import { TermPostings } from './termPostings';
import { scanTokens, type TokenSink } from './tokenScan';

/** Records per index block: a word lookup yields blocks, whose records are then checked. */
export const BLOCK_SIZE = 256;

/**
 * Only the first part of a very long event is tokenised, so one 50 MB line
 * cannot hold the index hostage; its full text is still kept and checked.
 */
export const MAX_INDEXED_CHARS = 1 << 20;

/**
 * The word index: for each distinct token, the blocks of consecutive records
 * it occurs in.
 *
 * A posting per record would cost memory for nothing a check of 256 records
 * cannot do in microseconds; a posting per block is one entry per distinct
 * token of the block. The index is complete at every moment, so searches
 * during a load see every record so far.
 *
 * An earlier version kept the blocks in FlexSearch, handing it each block's
 * tokens already split, so it served only as a map from token to blocks; on
 * a JSON log with a request id per line it took about three times the time
 * and four times the memory of these arrays (see TermPostings).
 */
export class WordIndex implements TokenSink {
  private readonly postings = new TermPostings();
  private readonly blocksWithFieldOnlyWords = new Set<number>();
  private block = 0;

  /**
   * Adds the words of record `id`'s text to its block, and of those field
   * values that do not appear in the text (most do, and need no second pass).
   */
  add(id: number, text: string, fieldOnlyValues: string[]): void {
    this.block = Math.floor(id / BLOCK_SIZE);
    scanTokens(text, this, MAX_INDEXED_CHARS);
    if (fieldOnlyValues.length > 0) {
      this.blocksWithFieldOnlyWords.add(this.block);
      for (const value of fieldOnlyValues) scanTokens(value, this, MAX_INDEXED_CHARS);
    }
  }

  /** Part of TokenSink: one token of the record being added. */
  token(source: string, start: number, end: number, hash: number): void {
    this.postings.add(source, start, end, hash, this.block);
  }

  /** Whether some record of `block` has a field value its text does not show. */
  hasFieldOnlyWords(block: number): boolean {
    return this.blocksWithFieldOnlyWords.has(block);
  }

  /** Blocks that hold the exact (lower-case) token, in increasing order. */
  blocksWith(token: string): number[] {
    return this.postings.blocksOf(token);
  }

  /**
   * Indexed tokens starting with `prefix`, for `word*` queries; undefined
   * when there are more than `limit`, and every block should be checked.
   */
  tokensStartingWith(prefix: string, limit = 10_000): string[] | undefined {
    return this.postings.termsStartingWith(prefix, limit);
  }
}
