import { looksLikeContinuation } from '../continuation';
import { eventFromJson } from '../json/jsonEvent';
import { OpenJsonObject } from '../json/openObject';
import { parseJsonObject } from '../json/parseJson';
import { appendToMessage, newEvent, type LineFormat } from '../lineFormat';
import type { ParsedEvent } from '../types';

/** Position of the first non-blank character when it opens a JSON object, else -1. */
export function jsonObjectStart(line: string): number {
  let pos = 0;
  while (pos < 8 && (line.charCodeAt(pos) === 32 || line.charCodeAt(pos) === 9)) pos += 1;
  return line.charCodeAt(pos) === 123 ? pos : -1;
}

/**
 * Parses a line holding a whole JSON object into an event, or returns
 * undefined when the line is not one.
 */
export function parseJsonLine(line: string, lineNumber: number): ParsedEvent | undefined {
  if (jsonObjectStart(line) < 0 || !endsWithBrace(line)) return undefined;
  const record = parseJsonObject(line);
  return record ? eventFromJson(record, line, lineNumber) : undefined;
}

/**
 * Creates the format for JSON lines: one object per line, or one object over
 * several lines until its braces balance. Lines outside any object are kept
 * as their own events unless they read as a stack trace continuation.
 */
export function createJsonFormat(): LineFormat {
  const openObject = new OpenJsonObject();
  let pending: ParsedEvent | undefined;

  return {
    id: 'json',
    claims: (line, open) => openObject.claims(line, open),
    parseHead(line, lineNumber) {
      const start = jsonObjectStart(line);
      if (start < 0) return undefined;
      const whole = endsWithBrace(line) ? parseJsonObject(line) : undefined;
      if (whole) return eventFromJson(whole, line, lineNumber);
      const event = newEvent(line, lineNumber, line, 'unknown', undefined, {});
      if (!openObject.start(event, line, start)) return undefined;
      pending = event;
      return event;
    },
    continues: (line) => looksLikeContinuation(line),
    complete(event, continuation) {
      if (event !== pending) {
        if (continuation.length > 0) appendToMessage(event, continuation);
        return;
      }
      pending = undefined;
      openObject.clear();
      const record = parseJsonObject(event.text);
      if (!record) return;
      const parsed = eventFromJson(record, event.text, event.lineNumber);
      parsed.lineCount = event.lineCount;
      return [parsed];
    },
  };
}

function endsWithBrace(line: string): boolean {
  let end = line.length - 1;
  while (end > 0 && (line.charCodeAt(end) === 32 || line.charCodeAt(end) === 9)) end -= 1;
  return line.charCodeAt(end) === 125;
}
