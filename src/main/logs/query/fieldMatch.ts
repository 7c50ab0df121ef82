import { LOG_LEVELS, type LogLevel } from '../../../shared/logs';
import { RecordSet } from '../bitset';
import type { KeywordColumn, NumberColumn } from '../store/fieldColumns';
import { LEVEL_CODE, type RecordStore } from '../store/recordStore';
import type { FieldMatch } from './ast';

type Comparator = '<' | '<=' | '>' | '>=';

function compares(value: number, comparator: Comparator, bound: number): boolean {
  switch (comparator) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
  }
}

/** Records whose number field matches: equality, comparison or range. */
export function matchNumberField(column: NumberColumn, match: FieldMatch, size: number): RecordSet {
  const result = new RecordSet(size);
  const values = column.values;
  if (match.op === 'equals') {
    const wanted = match.value.toLowerCase();
    if (match.prefix) {
      for (let id = 0; id < size; id += 1) {
        if (!Number.isNaN(values[id]) && String(values[id]).startsWith(wanted)) result.add(id);
      }
      return result;
    }
    const bound = Number(wanted);
    if (wanted.trim() === '' || Number.isNaN(bound)) return result;
    for (let id = 0; id < size; id += 1) if (values[id] === bound) result.add(id);
    return result;
  }
  if (match.op === 'range') {
    for (let id = 0; id < size; id += 1) {
      if (values[id] >= match.min && values[id] <= match.max) result.add(id);
    }
    return result;
  }
  const bound = Number(match.value);
  // NaN (field absent) fails every comparison, so absent records never match.
  for (let id = 0; id < size; id += 1) {
    if (compares(values[id], match.comparator, bound)) result.add(id);
  }
  return result;
}

/** Flags per dictionary code (index = code) of the values an `equals` match accepts. */
export function keywordCodesMatching(column: KeywordColumn, match: FieldMatch): Uint8Array {
  const flags = new Uint8Array(column.dictionary.length + 1);
  if (match.op !== 'equals') return flags;
  const wanted = match.value.toLowerCase();
  column.dictionary.forEach((value, index) => {
    const lower = value.toLowerCase();
    if (match.prefix ? lower.startsWith(wanted) : lower === wanted) flags[index + 1] = 1;
  });
  return flags;
}

const SEVERITY: readonly LogLevel[] = LOG_LEVELS.filter((level) => level !== 'unknown');

/** Records whose level matches `level:error`, `level:warn*` or `level:>=warn`. */
export function matchLevel(store: RecordStore, match: FieldMatch, size: number): RecordSet {
  const accepted = new Uint8Array(LOG_LEVELS.length);
  if (match.op === 'equals') {
    const wanted = normaliseLevel(match.value.toLowerCase());
    for (const level of LOG_LEVELS) {
      if (match.prefix ? level.startsWith(wanted) : level === wanted)
        accepted[LEVEL_CODE[level]] = 1;
    }
  } else if (match.op === 'compare') {
    const bound = SEVERITY.indexOf(normaliseLevel(match.value.toLowerCase()) as LogLevel);
    if (bound >= 0) {
      SEVERITY.forEach((level, rank) => {
        if (compares(rank, match.comparator, bound)) accepted[LEVEL_CODE[level]] = 1;
      });
    }
  }
  const result = new RecordSet(size);
  const levels = store.level;
  for (let id = 0; id < size; id += 1) if (accepted[levels[id]] === 1) result.add(id);
  return result;
}

/** Accepts the spellings people type: `warning`, `err`, `critical`. */
function normaliseLevel(level: string): string {
  const aliases: Record<string, string> = {
    warning: 'warn',
    err: 'error',
    critical: 'fatal',
    crit: 'fatal',
    panic: 'fatal',
  };
  return aliases[level] ?? level;
}
