import type { FieldValue } from '../../shared/logs';
import { eventFromJson } from '../json/jsonEvent';
import { OpenJsonObject } from '../json/openObject';
import { parseJsonObject } from '../json/parseJson';
import { newEvent, type LineFormat } from '../lineFormat';
import type { ParsedEvent } from '../types';
import { jsonObjectStart } from './json';

/** Parses the messages of one document into exactly one event per message, in order. */
export type MessageParser = (messages: string[]) => ParsedEvent[];

/** `"id":` as it appears once per log event of a document, to place events on their lines. */
const EVENT_ID_KEY = /"id"\s*:/g;

/**
 * Whether sample lines are a CloudWatch Logs subscription payload
 * (`{messageType, owner, logGroup, logStream, logEvents: [...]}`), pretty
 * printed or on one line.
 */
export function looksLikeSubscription(sampleLines: readonly string[]): boolean {
  let logEvents = false;
  let envelope = false;
  for (const line of sampleLines) {
    if (!logEvents && line.includes('"logEvents"')) logEvents = true;
    if (!envelope && (line.includes('"messageType"') || line.includes('"logGroup"'))) {
      envelope = true;
    }
    if (logEvents && envelope) return true;
  }
  return false;
}

/**
 * Creates the format for CloudWatch Logs subscription documents: each
 * document is read whole, then expands to one event per entry of its
 * `logEvents`, each message parsed by `parseMessages` in the format its
 * messages have. Events take the time printed in their message when there is
 * one, else the entry's `timestamp`; fields gain `log_group`, `log_stream`,
 * `log_event_id` and `log_event_time` (the entry's timestamp).
 */
export function createSubscriptionFormat(parseMessages: MessageParser): LineFormat {
  const openObject = new OpenJsonObject();
  let pending: ParsedEvent | undefined;

  return {
    id: 'cloudwatch-subscription',
    claims: (line, open) => openObject.claims(line, open),
    parseHead(line, lineNumber) {
      const start = jsonObjectStart(line);
      if (start < 0) return undefined;
      const document = newEvent(line, lineNumber, line, 'unknown', undefined, {});
      openObject.start(document, line, start);
      pending = document;
      return document;
    },
    continues: () => false,
    complete(document) {
      if (document !== pending) return;
      pending = undefined;
      openObject.clear();
      const record = parseJsonObject(document.text);
      if (!record) return;
      if (!Array.isArray(record.logEvents)) {
        const single = eventFromJson(record, document.text, document.lineNumber);
        single.lineCount = document.lineCount;
        return [single];
      }
      return expandDocument(record, record.logEvents, document, parseMessages);
    },
  };
}

function expandDocument(
  record: Record<string, unknown>,
  entries: unknown[],
  document: ParsedEvent,
  parseMessages: MessageParser,
): ParsedEvent[] {
  const logEvents = entries.filter(
    (entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null,
  );
  const messages = logEvents.map((entry) =>
    typeof entry.message === 'string' ? entry.message.replace(/\r?\n$/, '') : '',
  );
  const events = parseMessages(messages);
  const offsets = entryLineOffsets(document.text, logEvents.length);
  const shared: Record<string, FieldValue> = {};
  if (typeof record.logGroup === 'string') shared.log_group = record.logGroup;
  if (typeof record.logStream === 'string') shared.log_stream = record.logStream;

  return events.map((event, index) => {
    const entry = logEvents[index];
    for (const key in shared) {
      if (event.fields[key] === undefined) event.fields[key] = shared[key];
    }
    if (typeof entry.id === 'string') event.fields.log_event_id = entry.id;
    if (typeof entry.timestamp === 'number') {
      event.fields.log_event_time = entry.timestamp;
      if (event.time === undefined) event.time = entry.timestamp;
    }
    const offset = offsets ? offsets[index] : 0;
    const nextOffset =
      offsets && index + 1 < offsets.length ? offsets[index + 1] : document.lineCount;
    event.lineNumber = document.lineNumber + offset;
    event.lineCount = Math.max(1, nextOffset - offset);
    return event;
  });
}

/**
 * The line (counted from the document's first) on which each log event's
 * `"id"` stands, or undefined when they cannot be told apart.
 */
function entryLineOffsets(text: string, expected: number): number[] | undefined {
  const offsets: number[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    EVENT_ID_KEY.lastIndex = 0;
    while (EVENT_ID_KEY.exec(line)) offsets.push(index);
  });
  return offsets.length === expected ? offsets : undefined;
}
