import { describe, expect, it } from 'vitest';
import { TermPostings } from './termPostings';
import { scanTokens } from './tokenScan';

/** Adds every token of `text` to `block`. */
function addText(postings: TermPostings, text: string, block: number): void {
  scanTokens(text, {
    token: (source, start, end, hash) => postings.add(source, start, end, hash, block),
  });
}

describe('blocks of a token', () => {
  it('lists each block once, in increasing order', () => {
    const postings = new TermPostings();
    addText(postings, 'GET /checkout GET', 0);
    addText(postings, 'get /login', 0);
    addText(postings, 'POST /checkout', 3);
    addText(postings, 'get /checkout', 7);
    expect(postings.blocksOf('get')).toEqual([0, 7]);
    expect(postings.blocksOf('checkout')).toEqual([0, 3, 7]);
    expect(postings.blocksOf('login')).toEqual([0]);
    expect(postings.termCount).toBe(4);
    expect(postings.postingCount).toBe(7);
  });

  it('reads capitals in the text as lower case, and finds nothing for unknown tokens', () => {
    const postings = new TermPostings();
    addText(postings, 'Upstream TIMEOUT Größe', 2);
    expect(postings.blocksOf('timeout')).toEqual([2]);
    expect(postings.blocksOf('größe')).toEqual([2]);
    expect(postings.blocksOf('time')).toEqual([]);
    expect(postings.blocksOf('')).toEqual([]);
  });

  it('keeps a hundred thousand distinct ids apart, each in its own block', () => {
    const postings = new TermPostings();
    const id = (index: number) => (index * 2654435761).toString(16).padStart(8, '0');
    for (let index = 0; index < 100_000; index += 1) {
      addText(postings, `request ${id(index)} done`, index);
    }
    expect(postings.termCount).toBe(100_002);
    for (const index of [0, 1, 4_095, 65_537, 99_999]) {
      expect(postings.blocksOf(id(index))).toEqual([index]);
    }
    expect(postings.blocksOf('request')).toHaveLength(100_000);
  });
});

describe('tokens by prefix', () => {
  const postings = new TermPostings();
  addText(postings, 'timeout timed time retry retrying a3f0 a3f1 b3f0', 0);

  it('lists the tokens that start with the prefix', () => {
    expect(postings.termsStartingWith('tim', 100)?.sort()).toEqual(['time', 'timed', 'timeout']);
    expect(postings.termsStartingWith('a3f', 100)?.sort()).toEqual(['a3f0', 'a3f1']);
    expect(postings.termsStartingWith('retrying', 100)).toEqual(['retrying']);
    expect(postings.termsStartingWith('x', 100)).toEqual([]);
  });

  it('gives up past the limit', () => {
    expect(postings.termsStartingWith('t', 2)).toBeUndefined();
    expect(postings.termsStartingWith('t', 3)).toHaveLength(3);
  });

  it('returns a very long token whole', () => {
    const long = new TermPostings();
    const token = 'x'.repeat(100_000);
    addText(long, `start ${token} end`, 1);
    expect(long.termsStartingWith('xx', 10)).toEqual([token]);
    expect(long.blocksOf(token)).toEqual([1]);
  });
});
