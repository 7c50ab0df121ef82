import type { FieldValue, LogLevel } from '../../shared/logs';
import { platformRecordEvent } from '../formats/lambda/platformRecord';
import { levelFromName, levelFromValue } from '../level';
import { MAX_MESSAGE_CHARS } from '../limits';
import { newEvent } from '../lineFormat';
import { timeFromValue } from '../time/timeFromValue';
import type { ParsedEvent } from '../types';
import { flattenInto } from './flatten';
import { parseJsonObject } from './parseJson';

/** Top-level keys that hold the time, in order of preference. */
const TIME_KEYS = ['time', 'timestamp', 'ts', '@timestamp', 'date', 'datetime'];
/** Keys that hold the level; `status` only counts when it is a level word (Datadog). */
const LEVEL_KEYS = ['level', 'severity', 'log.level', 'lvl', 'loglevel', 'levelname', 'status'];
/**
 * Keys that hold the message. The keys that gave the message, the time and
 * the level are not repeated among the fields.
 */
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

  let time: number | undefined;
  let timeKey: string | undefined;
  for (const key of TIME_KEYS) {
    time = timeFromValue(record[key]);
    if (time !== undefined) {
      timeKey = key;
      break;
    }
  }

  let level: LogLevel | undefined;
  let levelKey: string | undefined;
  for (const key of LEVEL_KEYS) {
    const value = key === 'log.level' ? (record[key] ?? nestedLogLevel(record)) : record[key];
    // An HTTP status is a number; only a level word under `status` is a level.
    level = key === 'status' ? levelFromWord(value) : levelFromValue(value);
    if (level) {
      levelKey = key;
      break;
    }
  }

  // The time and level become the event's own; as fields they would repeat them.
  const skipKeys: string[] = [];
  for (const key of [messageKey, timeKey, levelKey]) {
    if (key !== undefined && record[key] !== undefined) skipKeys.push(key);
  }
  let fields: Record<string, FieldValue> = {};
  if (!flattenInto(fields, record, '', skipKeys)) {
    const exact = parseJsonObject(text.slice(text.indexOf('{')), true);
    if (exact) {
      fields = {};
      flattenInto(fields, exact, '', skipKeys);
    }
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

/** ECS writes `log.level` either as a dotted key or nested under `log`. */
function nestedLogLevel(record: Record<string, unknown>): unknown {
  const log = record.log;
  return typeof log === 'object' && log !== null
    ? (log as Record<string, unknown>).level
    : undefined;
}

function levelFromWord(value: unknown): LogLevel | undefined {
  return typeof value === 'string' ? levelFromName(value) : undefined;
}
