/** How a `field:` term compares the field's value. */
export type FieldMatch =
  /** Equality, case-insensitive; `prefix` for `field:val*`. */
  | { op: 'equals'; value: string; prefix: boolean }
  /** `field:>=500`; the value is a number, or a level name for `level:`. */
  | { op: 'compare'; comparator: '<' | '<=' | '>' | '>='; value: string }
  /** `field:500..599`, both ends inclusive. */
  | { op: 'range'; min: number; max: number };

/** A parsed search query: a tree of terms joined by boolean operators. */
export type QueryNode =
  /** The empty query, or `*`: every event. */
  | { kind: 'all' }
  /** A whole word, or a word prefix with `*`; matched case-insensitively. */
  | { kind: 'word'; text: string; prefix: boolean; position: number }
  /** A quoted phrase: a case-insensitive substring of the event's text. */
  | { kind: 'phrase'; text: string; position: number }
  | { kind: 'field'; field: string; match: FieldMatch; position: number }
  | { kind: 'not'; operand: QueryNode }
  | { kind: 'and'; operands: QueryNode[] }
  | { kind: 'or'; operands: QueryNode[] };
