import type { FieldInfo, FieldValue } from '../../../shared/logs';
import { reserveCapacity } from './growable';

/** Numbers of one field, one slot per record; NaN where the record lacks it. */
export interface NumberColumn {
  kind: 'number';
  values: Float64Array;
  count: number;
}

/**
 * Strings (and booleans) of one field, dictionary-encoded: code 0 means
 * absent, code n means `dictionary[n - 1]`. Log fields repeat a few values
 * (methods, hosts, status words) a million times; each is held once.
 *
 * A field whose values are mostly distinct (request ids, times) gains
 * nothing from that and pays a map entry per value, so past
 * DEDUPLICATION_LIMIT distinct values such a column stops deduplicating
 * (`codeOf` is then undefined): every value gets a new code, and a value
 * may appear more than once in the dictionary.
 */
export interface KeywordColumn {
  kind: 'keyword';
  codes: Uint32Array;
  dictionary: string[];
  codeOf: Map<string, number> | undefined;
  count: number;
}

/** Distinct values a keyword column holds before it checks whether deduplication pays. */
export const DEDUPLICATION_LIMIT = 1 << 16;

/**
 * Typed columns for the fields of every record, created per field name the
 * first time a record carries it. A field may hold numbers in some records
 * and strings in others (`-` for a missing size); each kind has its column.
 */
export class FieldColumns {
  readonly numbers = new Map<string, NumberColumn>();
  readonly keywords = new Map<string, KeywordColumn>();
  private capacity = 0;

  /** Stores the fields of record `id`; ids arrive in increasing order. */
  set(id: number, fields: Record<string, FieldValue>): void {
    if (id >= this.capacity) this.grow(id + 1);
    for (const name in fields) {
      const value = fields[name];
      if (typeof value === 'number') {
        const column = this.numbers.get(name) ?? this.createNumbers(name);
        column.values[id] = value;
        column.count += 1;
      } else {
        const column = this.keywords.get(name) ?? this.createKeywords(name);
        const text = typeof value === 'string' ? value : String(value);
        column.codes[id] = codeFor(column, text);
        column.count += 1;
      }
    }
  }

  /** The fields of record `id`, as the parser produced them. */
  get(id: number): Record<string, FieldValue> {
    const fields: Record<string, FieldValue> = {};
    for (const [name, column] of this.numbers) {
      const value = column.values[id];
      if (!Number.isNaN(value)) fields[name] = value;
    }
    for (const [name, column] of this.keywords) {
      const code = column.codes[id];
      if (code !== 0) fields[name] = column.dictionary[code - 1];
    }
    return fields;
  }

  /** Every field name with its kind and how many records carry it. */
  describe(): FieldInfo[] {
    const infos: FieldInfo[] = [];
    for (const [name, column] of this.numbers) {
      infos.push({ name, kind: 'number', count: column.count });
    }
    for (const [name, column] of this.keywords) {
      infos.push({ name, kind: 'keyword', count: column.count });
    }
    return infos.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** Makes room for records up to id `capacity - 1` in every column, present and future. */
  reserve(capacity: number): void {
    if (capacity <= this.capacity) return;
    this.capacity = capacity;
    for (const column of this.numbers.values()) {
      column.values = reserveCapacity(column.values, capacity, NaN);
    }
    for (const column of this.keywords.values()) {
      column.codes = reserveCapacity(column.codes, capacity);
    }
  }

  private grow(needed: number): void {
    this.reserve(Math.max(needed, Math.ceil(this.capacity * 1.5), 1024));
  }

  private createNumbers(name: string): NumberColumn {
    const column: NumberColumn = {
      kind: 'number',
      values: new Float64Array(this.capacity).fill(NaN),
      count: 0,
    };
    this.numbers.set(name, column);
    return column;
  }

  private createKeywords(name: string): KeywordColumn {
    const column: KeywordColumn = {
      kind: 'keyword',
      codes: new Uint32Array(this.capacity),
      dictionary: [],
      codeOf: new Map(),
      count: 0,
    };
    this.keywords.set(name, column);
    return column;
  }
}

/** The code of `text` in `column`, adding it to the dictionary when new. */
function codeFor(column: KeywordColumn, text: string): number {
  const codeOf = column.codeOf;
  if (codeOf === undefined) {
    column.dictionary.push(text);
    return column.dictionary.length;
  }
  const code = codeOf.get(text);
  if (code !== undefined) return code;
  column.dictionary.push(text);
  codeOf.set(text, column.dictionary.length);
  // Checked at each power of two from the limit on. Mostly distinct values
  // repeat rarely, so the map costs more than it saves.
  const size = codeOf.size;
  if (size >= DEDUPLICATION_LIMIT && (size & (size - 1)) === 0 && size * 2 > column.count)
    column.codeOf = undefined;
  return column.dictionary.length;
}
