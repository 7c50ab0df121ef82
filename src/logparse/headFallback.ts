import { looksLikeAccessLine, parseAccessLine } from './formats/accessLog';
import { parseJsonLine } from './formats/json';
import type { FormatId, ParsedEvent } from './types';

/** Parses a line another format's head parser rejected; undefined when it opens no event. */
export type HeadFallback = (line: string, lineNumber: number) => ParsedEvent | undefined;

/**
 * The other line formats tried on a line the detected format's head parser
 * rejects, so that one input may mix them: an ECS stream of nginx access
 * lines and JSON application lines, a plain log with JSON records between.
 *
 * Each is tried only when a cheap check lets it, so lines that continue an
 * event (stack frames, indented statements) cost next to nothing: a JSON
 * record starts with `{` in the first column and closes on the same line; an
 * access line's first ` [` opens its time after the third (with a virtual
 * host, fourth) field. Lines with a leading timestamp need no fallback: the
 * assembler reads them as plain lines anyway, and no format continues an
 * event with them.
 */
export function createHeadFallback(format: FormatId): HeadFallback | undefined {
  const tryJson = format !== 'json';
  const tryAccess = format !== 'nginx-combined';
  if (!tryJson && !tryAccess) return undefined;

  return (line, lineNumber) => {
    const first = line.charCodeAt(0);
    if (first === 123) return tryJson ? parseJsonRecord(line, lineNumber) : undefined;
    return tryAccess && looksLikeAccessLine(line) ? parseAccessLine(line, lineNumber) : undefined;
  };
}

/**
 * A whole-line JSON object that reads as a log record: one with a time or a
 * level. Other objects (a request body printed under the line that announced
 * it) stay where the detected format puts them, usually in the event before.
 */
function parseJsonRecord(line: string, lineNumber: number): ParsedEvent | undefined {
  const event = parseJsonLine(line, lineNumber);
  if (!event || (event.time === undefined && event.level === 'unknown')) return undefined;
  return event;
}
