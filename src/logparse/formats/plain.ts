import type { FieldValue, LogLevel } from '../../shared/logs';
import { continuesTimestamped } from '../continuation';
import { levelFromName } from '../level';
import { MAX_MESSAGE_CHARS, MAX_PARSED_LINE_CHARS } from '../limits';
import { newEvent, type LineFormat } from '../lineFormat';
import { readTimestamp, timestampEnd } from '../time/readTimestamp';
import type { ParsedEvent } from '../types';

/** Tokens after the timestamp searched for a level word (`[main] INFO`, `| WARN |`). */
const LEVEL_SEARCH_TOKENS = 3;

/** Redis server lines: `1:C 25 Apr 2024 05:32:35.018 * Ready`. */
const REDIS_PREFIX = /^(\d+):([XCSM]) /;
const REDIS_LEVELS: Record<string, LogLevel> = {
  '.': 'debug',
  '-': 'debug',
  '*': 'info',
  '#': 'warn',
};

let tokenEnd = 0;

/**
 * Parses an application line of the form time, level, message in the many
 * ways loggers print it; also the fallback for lines no format recognises.
 *
 * Always returns an event: without a timestamp the line is kept with its raw
 * text as message, and a leading level word (`WARNING: ...`) still counts.
 */
export function parsePlainLine(line: string, lineNumber: number, now?: number): ParsedEvent {
  if (line.length > MAX_PARSED_LINE_CHARS) return parseOversizedLine(line, lineNumber, now);

  const fields: Record<string, FieldValue> = {};
  let level: LogLevel | undefined;
  let time = readTimestamp(line, 0, now);
  let pos = 0;
  if (!Number.isNaN(time)) {
    pos = timestampEnd();
  } else {
    level = levelAt(line, skipSeparators(line, 0));
    if (level) {
      const afterLevel = skipSeparators(line, tokenEnd);
      time = readTimestamp(line, afterLevel, now);
      // Without a timestamp after it the word may be the message's own first word.
      pos = Number.isNaN(time) ? 0 : timestampEnd();
    } else if (line.charCodeAt(0) >= 48 && line.charCodeAt(0) <= 57) {
      const redis = REDIS_PREFIX.exec(line);
      if (redis) {
        time = readTimestamp(line, redis[0].length, now);
        if (!Number.isNaN(time)) {
          pos = timestampEnd() + 1;
          level = REDIS_LEVELS[line.charAt(pos)];
          if (level) pos += 1;
          fields.pid = Number(redis[1]);
          fields.role = redis[2];
        }
      }
    }
  }

  let messageStart = skipSeparators(line, pos);
  if (!level && !Number.isNaN(time)) {
    let tokenStart = messageStart;
    for (let i = 0; i < LEVEL_SEARCH_TOKENS && tokenStart < line.length; i += 1) {
      level = levelAt(line, tokenStart);
      if (level) {
        // The level word leads the message only when nothing came before it.
        if (i === 0) messageStart = skipSeparators(line, tokenEnd);
        break;
      }
      tokenStart = skipSeparators(line, tokenEnd);
    }
  }

  const message = messageStart === 0 ? line : line.slice(messageStart);
  return newEvent(line, lineNumber, message.trimEnd(), level ?? 'unknown', time, fields);
}

/** Creates the format for application lines: a leading timestamp opens an event. */
export function createPlainFormat(now?: number): LineFormat {
  return {
    id: 'plain',
    parseHead(line, lineNumber) {
      const event = parsePlainLine(line, lineNumber, now);
      return event.time === undefined ? undefined : event;
    },
    continues: (line, open) => continuesTimestamped(line, open.time !== undefined),
  };
}

/** A line too long to parse: only a leading timestamp is read, the text is kept whole. */
function parseOversizedLine(line: string, lineNumber: number, now?: number): ParsedEvent {
  const head = line.slice(0, 256);
  const time = readTimestamp(head, 0, now);
  return newEvent(line, lineNumber, line.slice(0, MAX_MESSAGE_CHARS), 'unknown', time, {});
}

/** The level named by a message's first word (`WARNING:`, `[ERROR]`), if it is a level word. */
export function leadingLevel(message: string): LogLevel | undefined {
  return levelAt(message, 0);
}

/** Reads the token at `start` and returns its level when it is a level word; sets tokenEnd. */
function levelAt(line: string, start: number): LogLevel | undefined {
  let end = start;
  const limit = Math.min(line.length, start + 24);
  while (end < limit) {
    const code = line.charCodeAt(end);
    if (code === 32 || code === 9) break;
    end += 1;
  }
  tokenEnd = end;
  let from = start;
  let to = end;
  const open = line.charCodeAt(from);
  if (open === 91 || open === 40 || open === 60) from += 1;
  const close = line.charCodeAt(to - 1);
  // Trailing ':' ']' ')' '>' ',' around the level word.
  if (close === 58 || close === 93 || close === 41 || close === 62 || close === 44) to -= 1;
  if (to - from < 3) return undefined;
  return levelFromName(line.slice(from, to));
}

/** Skips the spaces and separators (`|`, ` - `, `:`) between the parts of a line. */
function skipSeparators(line: string, start: number): number {
  let pos = start;
  for (;;) {
    const code = line.charCodeAt(pos);
    if (code === 32 || code === 9 || code === 124 || code === 58) {
      pos += 1;
    } else if (code === 45 && line.charCodeAt(pos + 1) === 32) {
      pos += 2;
    } else {
      return pos;
    }
  }
}
