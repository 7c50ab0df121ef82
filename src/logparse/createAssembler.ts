import { LineAssembler, type EventAssembler } from './assembler';
import { detectFormat } from './detect';
import { createSubscriptionFormat } from './formats/cloudwatchSubscription';
import { createPlainFormat, parsePlainLine } from './formats/plain';
import { LINE_FORMATS, SUBSCRIPTION_FORMAT } from './formats/registry';
import { createHeadFallback } from './headFallback';
import type { FormatId, ParsedEvent } from './types';

/** Options of an assembler; tests pin the clock. */
export interface AssemblerOptions {
  /** Epoch ms taken as now, to date syslog times that carry no year. Default: the clock. */
  now?: number;
}

/**
 * Creates an assembler for one input in a given format (an id from
 * detectFormat); an unknown id reads the input as plain lines. Lines of
 * another format among them (JSON records in an nginx stream) are read in
 * their own format.
 */
export function createAssembler(format: FormatId, options: AssemblerOptions = {}): EventAssembler {
  const now = options.now;
  if (format === SUBSCRIPTION_FORMAT) {
    return new LineAssembler(
      createSubscriptionFormat((messages) => parseMessages(messages, now)),
      now,
    );
  }
  const entry = LINE_FORMATS.find((candidate) => candidate.id === format);
  const lineFormat = entry ? entry.create(now) : createPlainFormat(now);
  return new LineAssembler(lineFormat, now, createHeadFallback(lineFormat.id));
}

/**
 * Parses the messages of a CloudWatch subscription document, one event per
 * message: the format is detected from the messages, and a message of
 * several lines (a REPORT with its XRAY line) stays one event.
 */
function parseMessages(messages: string[], now: number | undefined): ParsedEvent[] {
  const sample = messages.slice(0, 200).map((message) => message.split('\n', 1)[0]);
  let format = detectFormat(sample);
  if (format === SUBSCRIPTION_FORMAT) format = 'json';

  return messages.map((message, index) => {
    const assembler = createAssembler(format, { now });
    const events: ParsedEvent[] = [];
    for (const line of message.split('\n')) events.push(...assembler.push(line));
    events.push(...assembler.end());
    if (events.length === 0) return parsePlainLine(message, index + 1, now);
    const [first, ...rest] = events;
    for (const event of rest) {
      first.text += '\n' + event.text;
      first.message += '\n' + event.message;
      first.lineCount += event.lineCount;
      for (const key in event.fields) first.fields[key] ??= event.fields[key];
    }
    return first;
  });
}
