import type { FieldValue, LogLevel } from '../../shared/logs';
import { continuesTimestamped } from '../continuation';
import { appendToMessage, newEvent, type LineFormat } from '../lineFormat';
import { readTimestamp, timestampEnd } from '../time/readTimestamp';
import type { ParsedEvent } from '../types';

/**
 * What follows the timestamp of a postgres line: the rest of
 * `log_line_prefix` (pid, host, user@database in any arrangement, bounded so
 * the search stays linear), then `SEVERITY:  message`.
 */
const AFTER_TIME =
  /^(.{0,200}?)(?<![A-Za-z])(LOG|ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|DEBUG[1-5]?|STATEMENT|DETAIL|HINT|CONTEXT|QUERY|LOCATION): {2}/;

const PID = /\[(\d+)\]/;
const REMOTE_HOST = /(?:^|[\s:])(\[local\]|::1|\w[\w.:-]*?)(?:\((\d+)\))?:[^:]*@/;
const DEBIAN_HOST = /(?:^|\s)([\w.:-]+)\((\d+)\)/;
const USER_AT_DATABASE =
  /(?:^|[\s:])(\[unknown\]|[^\s:@[\]]*)@(\[unknown\]|[^\s:@[\]]*)(?=[\s:]|$)/;
const DURATION = /^duration: (\d+(?:\.\d+)?) ms( {2}(?:statement|(?:execute|parse|bind) [^:]*): )?/;
const STATEMENT = /^statement: /;

const SEVERITY_LEVELS: Record<string, LogLevel> = {
  LOG: 'info',
  INFO: 'info',
  NOTICE: 'info',
  WARNING: 'warn',
  ERROR: 'error',
  FATAL: 'fatal',
  PANIC: 'fatal',
};

/** Records that add detail to the record just before them, and the field they fill there. */
const DETAIL_FIELDS: Record<string, string> = {
  STATEMENT: 'statement',
  DETAIL: 'detail',
  HINT: 'hint',
  CONTEXT: 'context',
  QUERY: 'query',
};

/** Whether a line opens a postgres record; the format detector counts these. */
export function isPostgresLine(line: string): boolean {
  return parsePostgresHead(line, 0) !== undefined;
}

/**
 * Parses the first line of a postgres server log record, whatever
 * `log_line_prefix` wrote before the severity (`%m [%p] %q%u@%d `, RDS's
 * `%t:%r:%u@%d:[%p]:`), into `pid`, `client_host`, `client_port`, `user`,
 * `database`, `severity`, `duration_ms` and `statement`.
 */
export function parsePostgresHead(line: string, lineNumber: number): ParsedEvent | undefined {
  const first = line.charCodeAt(0);
  if (first < 48 || first > 57) return undefined;
  const time = readTimestamp(line, 0);
  if (Number.isNaN(time)) return undefined;
  const afterTime = line.slice(timestampEnd());
  const match = AFTER_TIME.exec(afterTime);
  if (!match) return undefined;

  const prefix = match[1];
  const severity = match[2];
  const fields: Record<string, FieldValue> = { severity };
  const pid = PID.exec(prefix);
  if (pid) fields.pid = Number(pid[1]);
  const remote = REMOTE_HOST.exec(prefix) ?? DEBIAN_HOST.exec(prefix);
  if (remote && remote[1] !== '') {
    fields.client_host = remote[1];
    if (remote[2] !== undefined) fields.client_port = Number(remote[2]);
  }
  const login = USER_AT_DATABASE.exec(prefix);
  if (login) {
    if (login[1] !== '' && login[1] !== '[unknown]') fields.user = login[1];
    if (login[2] !== '' && login[2] !== '[unknown]') fields.database = login[2];
  }

  const message = afterTime.slice(match[0].length);
  const duration = DURATION.exec(message);
  if (duration) {
    fields.duration_ms = Number(duration[1]);
    const statement = message.slice(duration[0].length);
    if (duration[2] !== undefined && statement !== '') fields.statement = statement;
  } else if (severity === 'STATEMENT') {
    fields.statement = message;
  } else if (STATEMENT.test(message)) {
    fields.statement = message.slice(11);
  }

  const level = SEVERITY_LEVELS[severity] ?? 'info';
  return newEvent(line, lineNumber, message.trimEnd(), level, time, fields);
}

/**
 * Creates the postgres format. Statements continue on TAB-indented lines;
 * a STATEMENT, DETAIL or HINT record right after a record of the same
 * process and time is paired with it: the first gets the `statement`
 * (`detail`, `hint`) field, the second the first's level.
 */
export function createPostgresFormat(): LineFormat {
  return {
    id: 'postgres',
    parseHead: parsePostgresHead,
    continues: (line, open) => continuesTimestamped(line, open.time !== undefined),
    complete(event, continuation) {
      if (continuation.length === 0) return;
      const lines = continuation.map((line) => (line.charCodeAt(0) === 9 ? line.slice(1) : line));
      appendToMessage(event, lines);
      if (typeof event.fields.statement === 'string') {
        event.fields.statement = [event.fields.statement, ...lines].join('\n');
      }
    },
    pair(previous, next) {
      const detailField = DETAIL_FIELDS[String(next.fields.severity)];
      if (!detailField || DETAIL_FIELDS[String(previous.fields.severity)]) return;
      if (previous.fields.pid !== next.fields.pid || previous.time !== next.time) return;
      const statement = next.fields.statement;
      previous.fields[detailField] =
        detailField === 'statement' && typeof statement === 'string' ? statement : next.message;
      next.level = previous.level;
    },
  };
}
