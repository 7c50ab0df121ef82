import type { FieldValue, LogLevel } from '../shared/logs';
import { MAX_MESSAGE_CHARS } from './limits';
import type { FormatId, ParsedEvent } from './types';

/**
 * One log format as the line assembler drives it: which lines open an event,
 * which lines belong to the event before them, and how an event is finished
 * once all its lines are known.
 *
 * Instances keep per-input state (an open JSON object, the last postgres
 * error), so each assembler creates its own.
 */
export interface LineFormat {
  readonly id: FormatId;
  /**
   * Whether the open event takes this line before any other check, e.g. a
   * JSON object whose braces are not yet balanced.
   */
  claims?(line: string, open: ParsedEvent): boolean;
  /** Parses a line that opens an event; undefined when the line opens none. */
  parseHead(line: string, lineNumber: number): ParsedEvent | undefined;
  /** Whether a line that opens no event belongs to the open event. */
  continues(line: string, open: ParsedEvent): boolean;
  /**
   * Finishes an event after its text was joined. Returns replacement events
   * when one assembled block stands for several (a CloudWatch subscription
   * document), nothing otherwise.
   */
  complete?(event: ParsedEvent, continuation: readonly string[]): ParsedEvent[] | void;
  /** Links an event with the one completed just before it (postgres STATEMENT after ERROR). */
  pair?(previous: ParsedEvent, next: ParsedEvent): void;
}

/** Creates a one-line event; `fields` is taken over, not copied. */
export function newEvent(
  text: string,
  lineNumber: number,
  message: string,
  level: LogLevel,
  time: number | undefined,
  fields: Record<string, FieldValue>,
): ParsedEvent {
  const event: ParsedEvent = { level, message, text, fields, lineNumber, lineCount: 1 };
  if (time !== undefined && !Number.isNaN(time)) event.time = time;
  return event;
}

/** Adds continuation lines to a message, within the message length cap. */
export function appendToMessage(event: ParsedEvent, continuation: readonly string[]): void {
  let message = event.message;
  for (const line of continuation) {
    if (message.length >= MAX_MESSAGE_CHARS) break;
    message += '\n' + line;
  }
  event.message =
    message.length > MAX_MESSAGE_CHARS ? message.slice(0, MAX_MESSAGE_CHARS) : message;
}
