import type { FieldValue, LogLevel } from '../../shared/logs';
import { platformRecordEvent } from '../formats/lambda/platformRecord';
import { levelFromValue } from '../level';
import { MAX_MESSAGE_CHARS } from '../limits';
import { newEvent } from '../lineFormat';
import { timeFromValue } from '../time/timeFromValue';
import type { ParsedEvent } from '../types';
import { flattenInto } from './flatten';
import { parseJsonObject } from './parseJson';

/** Keys that hold the time, in order of preference, as flattened (dotted) keys. */
const TIME_KEYS = ['time', 'timestamp', 'ts', '@timestamp', 'date', 'datetime'];
/** Keys that hold the level; `status` only counts when it is a level word (Datadog). */
const LEVEL_KEYS = ['level', 'severity', 'log.level', 'lvl', 'loglevel', 'levelname', 'status'];
/** Keys that hold the message; the one used is not repeated among the fields. */
const MESSAGE_KEYS = ['msg', 'message', 'log', '@message'];

/**
 * Turns one parsed JSON log record into an event: pino, bunyan, winston,
 * Elasticsearch/ECS, Docker json-file, Lambda JSON application and platform
 * records, and generic objects with a time, a level and a message under
 * common key names. `text` is the JSON text the record was parsed from; it
 * is parsed again, exactly, when the record holds integers beyond 2^53.
 */
export function eventFromJson(
  record: Record<string, unknown>,
  text: string,
  lineNumber: number,
): ParsedEvent {
  const type = record.type;
  if (typeof type === 'string' && type.startsWith('platform.')) {
    return platformRecordEvent(record, type, text, lineNumber);
  }

  let message: string | undefined;
  let messageKey: string | undefined;
  for (const key of MESSAGE_KEYS) {
    const value = record[key];
    if (typeof value !== 'string') continue;
    // Docker's json-file `log` and console output keep their line break; it is no part of the text.
    const trimmed = value.trimEnd();
    message = trimmed.length > MAX_MESSAGE_CHARS ? trimmed.slice(0, MAX_MESSAGE_CHARS) : trimmed;
    messageKey = key;
    break;
  }

  let fields: Record<string, FieldValue> = {};
  if (!flattenInto(fields, record, '', messageKey)) {
    const exact = parseJsonObject(text.slice(text.indexOf('{')), true);
    if (exact) {
      fields = {};
      flattenInto(fields, exact, '', messageKey);
    }
  }

  let time: number | undefined;
  for (const key of TIME_KEYS) {
    if (fields[key] === undefined) continue;
    time = timeFromValue(fields[key]);
    if (time !== undefined) break;
  }

  let level: LogLevel | undefined;
  for (const key of LEVEL_KEYS) {
    if (fields[key] === undefined) continue;
    level = levelFromValue(fields[key]);
    if (level) break;
  }

  return newEvent(
    text,
    lineNumber,
    message ?? text.slice(0, MAX_MESSAGE_CHARS),
    level ?? 'unknown',
    time,
    fields,
  );
}
