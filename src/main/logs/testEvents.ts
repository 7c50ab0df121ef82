import type { ParsedEvent } from '../../logparse';
import type { FieldValue, LogLevel } from '../../shared/logs';

/** Builds a parsed event as a parser would, for tests of the engine. */
export function parsedEvent(
  text: string,
  options: {
    time?: string | number;
    level?: LogLevel;
    fields?: Record<string, FieldValue>;
    message?: string;
    lineNumber?: number;
  } = {},
): ParsedEvent {
  const event: ParsedEvent = {
    level: options.level ?? 'info',
    message: options.message ?? text,
    text,
    fields: options.fields ?? {},
    lineNumber: options.lineNumber ?? 1,
    lineCount: text.split('\n').length,
  };
  if (options.time !== undefined) {
    event.time = typeof options.time === 'number' ? options.time : Date.parse(options.time);
  }
  return event;
}
