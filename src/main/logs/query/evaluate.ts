import { RecordSet } from '../bitset';
import type { RecordStore } from '../store/recordStore';
import { tokenize } from '../tokenize';
import { BLOCK_SIZE, type WordIndex } from '../wordIndex';
import type { FieldMatch, QueryNode } from './ast';
import { keywordCodesMatching, matchNumberField, matchLevel } from './fieldMatch';
import { phrasePattern, wordPattern } from './textMatch';

/** A prefix matching more distinct tokens than this scans every block instead. */
const MAX_PREFIX_TOKENS = 2_000;

/** What a query is evaluated against. */
export interface QueryTarget {
  store: RecordStore;
  words: WordIndex;
  /** Records of sources still open; closed sources never match. */
  live: RecordSet;
  /** Names of the sources by source index, for `source:` terms. */
  sourceNames: string[];
}

/** The outcome of a query: the matching record ids and what the user should know. */
export interface QueryMatch {
  records: RecordSet;
  warnings: string[];
}

/** Evaluates a parsed query to the set of matching record ids. */
export function evaluateQuery(node: QueryNode, target: QueryTarget): QueryMatch {
  const warnings: string[] = [];
  const records = new Evaluator(target, warnings).evaluate(node, target.live);
  return { records, warnings };
}

/** Field terms and levels are cheap column scans; text terms check record texts. */
function isTextTerm(node: QueryNode): boolean {
  return node.kind === 'word' || node.kind === 'phrase';
}

class Evaluator {
  constructor(
    private readonly target: QueryTarget,
    private readonly warnings: string[],
  ) {}

  /** Records matching `node`, looking only at records in `within`. */
  evaluate(node: QueryNode, within: RecordSet): RecordSet {
    switch (node.kind) {
      case 'all':
        return new RecordSet(within.size).union(within);
      case 'and': {
        // Narrow with the cheap terms first so text checks visit fewer records.
        const ordered = [...node.operands].sort((a, b) => +isTextTerm(a) - +isTextTerm(b));
        let result = within;
        for (const operand of ordered) result = this.evaluate(operand, result);
        return result === within ? new RecordSet(within.size).union(within) : result;
      }
      case 'or': {
        const result = new RecordSet(within.size);
        for (const operand of node.operands) result.union(this.evaluate(operand, within));
        return result;
      }
      case 'not':
        return this.evaluate(node.operand, within).invert().intersect(within);
      case 'word':
        return this.matchWord(node.text, node.prefix, within);
      case 'phrase':
        return this.matchText(tokenize(node.text), phrasePattern(node.text), within);
      case 'field':
        return this.matchField(node.field, node.match).intersect(within);
    }
  }

  private matchWord(word: string, prefix: boolean, within: RecordSet): RecordSet {
    const tokens = tokenize(word);
    if (tokens.length !== 1) {
      // `10.0.0.1` or `user_id` is several tokens: look for it as written.
      return this.matchText(tokens, phrasePattern(word), within);
    }
    const pattern = wordPattern(tokens[0], prefix);
    const blocks = prefix
      ? this.blocksWithPrefix(tokens[0])
      : this.target.words.blocksWith(tokens[0]);
    const { store, words } = this.target;
    const fieldValueMatches = this.keywordValueTest(pattern);
    return this.checkBlocks(blocks, within, (id) => {
      if (pattern.test(store.texts[id])) return true;
      return words.hasFieldOnlyWords(Math.floor(id / BLOCK_SIZE)) && fieldValueMatches(id);
    });
  }

  /** Records containing `pattern`, among blocks holding all of `tokens`. */
  private matchText(tokens: string[], pattern: RegExp, within: RecordSet): RecordSet {
    let blocks: number[] | undefined;
    for (const token of tokens) {
      const withToken = this.target.words.blocksWith(token);
      blocks = blocks ? intersectSorted(blocks, withToken) : withToken;
    }
    const texts = this.target.store.texts;
    return this.checkBlocks(blocks, within, (id) => pattern.test(texts[id]));
  }

  /** Blocks holding a token with `prefix`; undefined means every block. */
  private blocksWithPrefix(prefix: string): number[] | undefined {
    const tokens = this.target.words.tokensStartingWith(prefix, MAX_PREFIX_TOKENS);
    if (!tokens || tokens.length > MAX_PREFIX_TOKENS) return undefined;
    const blocks = new Set<number>();
    for (const token of tokens)
      for (const block of this.target.words.blocksWith(token)) blocks.add(block);
    return [...blocks].sort((a, b) => a - b);
  }

  /**
   * Whether a record's keyword field values contain the word. Each distinct
   * value is tested once per query and remembered (1 yes, 2 no), so a column
   * of a million request ids costs only the values actually visited.
   */
  private keywordValueTest(pattern: RegExp): (id: number) => boolean {
    const columns = [...this.target.store.fields.keywords.values()].map((column) => ({
      column,
      verdicts: new Uint8Array(column.dictionary.length + 1),
    }));
    return (id) => {
      for (const { column, verdicts } of columns) {
        const code = column.codes[id];
        if (code === 0) continue;
        if (verdicts[code] === 0)
          verdicts[code] = pattern.test(column.dictionary[code - 1]) ? 1 : 2;
        if (verdicts[code] === 1) return true;
      }
      return false;
    };
  }

  /** Checks each record of the candidate blocks (all blocks when undefined). */
  private checkBlocks(
    blocks: number[] | undefined,
    within: RecordSet,
    accepts: (id: number) => boolean,
  ): RecordSet {
    const result = new RecordSet(within.size);
    const visit = (block: number) => {
      const end = Math.min((block + 1) * BLOCK_SIZE, within.size);
      for (let id = block * BLOCK_SIZE; id < end; id += 1) {
        if (within.has(id) && accepts(id)) result.add(id);
      }
    };
    if (blocks) blocks.forEach(visit);
    else for (let block = 0; block * BLOCK_SIZE < within.size; block += 1) visit(block);
    return result;
  }

  private matchField(field: string, match: FieldMatch): RecordSet {
    const { store, live, sourceNames } = this.target;
    const name = field.toLowerCase();
    if (name === 'level') return matchLevel(store, match, live.size);
    if (name === 'source' && !store.fields.keywords.has(field)) {
      const codes = new Uint8Array(sourceNames.length);
      sourceNames.forEach((source, index) => {
        if (equalsValue(source, match)) codes[index] = 1;
      });
      return scanColumn(live.size, (id) => codes[store.source[id]] === 1);
    }

    const numbers = store.fields.numbers.get(field);
    const keywords = store.fields.keywords.get(field);
    if (!numbers && !keywords) {
      this.warnings.push(`No loaded event has a field named ${field}.`);
      return new RecordSet(live.size);
    }
    const result = numbers ? matchNumberField(numbers, match, live.size) : new RecordSet(live.size);
    if (keywords && match.op === 'equals') {
      const codes = keywordCodesMatching(keywords, match);
      result.union(scanColumn(live.size, (id) => codes[keywords.codes[id]] === 1));
    }
    return result;
  }
}

function equalsValue(value: string, match: FieldMatch): boolean {
  if (match.op !== 'equals') return false;
  const lower = value.toLowerCase();
  const wanted = match.value.toLowerCase();
  return match.prefix ? lower.startsWith(wanted) : lower === wanted;
}

/** Record ids below `size` accepted by `accepts`, by a scan of a column. */
export function scanColumn(size: number, accepts: (id: number) => boolean): RecordSet {
  const result = new RecordSet(size);
  for (let id = 0; id < size; id += 1) if (accepts(id)) result.add(id);
  return result;
}

function intersectSorted(left: number[], right: number[]): number[] {
  const both: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (left[i] === right[j]) {
      both.push(left[i]);
      i += 1;
      j += 1;
    } else if (left[i] < right[j]) i += 1;
    else j += 1;
  }
  return both;
}
