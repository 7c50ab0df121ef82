import type { FieldValue, LogLevel } from '../shared/logs';

/**
 * One log event after parsing: possibly several physical lines (a stack
 * trace, a multi-line SQL statement) assembled into one.
 */
export interface ParsedEvent {
  /** Epoch milliseconds UTC; undefined when no time could be recognised. */
  time?: number;
  level: LogLevel;
  /** The human-readable message, colour codes removed; what is shown first. */
  message: string;
  /**
   * The event's text as it appeared, physical lines joined with `\n`, colour
   * codes removed. Words are indexed from it and it is shown on request.
   */
  text: string;
  /** Format-specific fields, flat with dotted keys (`request.amount.units`). */
  fields: Record<string, FieldValue>;
  /** First physical line of the event in its input, 1-based. */
  lineNumber: number;
  /** How many physical lines the event spans. */
  lineCount: number;
}

/** Identifier of a recognised format, e.g. `nginx-combined`, `json`, `plain`. */
export type FormatId = string;
