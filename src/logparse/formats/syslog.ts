import type { FieldValue } from '../../shared/logs';
import { continuesTimestamped } from '../continuation';
import { newEvent, type LineFormat } from '../lineFormat';
import { readTimestamp } from '../time/readTimestamp';
import type { ParsedEvent } from '../types';
import { leadingLevel } from './plain';

/**
 * BSD syslog as written to files: `Mon DD HH:MM:SS host program[pid]: message`.
 * The month is matched loosely (any word) so that lines written under another
 * locale (`août`) are still split into host and program even when the month
 * is not recognised.
 */
const SYSLOG_LINE =
  /^([^\s\d]{3,10} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?) (\S{1,255}) ([^\s[:]{1,128})(?:\[(\d{1,10})\])?: ?/;

/** Whether a line has the syslog shape; the format detector counts these. */
export function isSyslogLine(line: string): boolean {
  return SYSLOG_LINE.test(line);
}

/**
 * Creates the syslog format. `now` (epoch ms) dates the year-less
 * timestamps: the latest year that does not put them in the future.
 */
export function createSyslogFormat(now?: number): LineFormat {
  return {
    id: 'syslog',
    parseHead: (line, lineNumber) => parseSyslogLine(line, lineNumber, now),
    continues: (line, open) => continuesTimestamped(line, open.time !== undefined),
  };
}

/** Parses a syslog line into `host`, `program`, `pid`; an unknown month leaves the time out. */
export function parseSyslogLine(
  line: string,
  lineNumber: number,
  now?: number,
): ParsedEvent | undefined {
  const match = SYSLOG_LINE.exec(line);
  if (!match) return undefined;
  const fields: Record<string, FieldValue> = { host: match[2], program: match[3] };
  if (match[4] !== undefined) fields.pid = Number(match[4]);
  const message = line.slice(match[0].length).trimEnd();
  const time = readTimestamp(match[1], 0, now);
  return newEvent(line, lineNumber, message, leadingLevel(message) ?? 'unknown', time, fields);
}
