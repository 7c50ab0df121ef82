import type { FieldValue, LogLevel } from '../../shared/logs';
import { newEvent, type LineFormat } from '../lineFormat';
import { readTimestamp } from '../time/readTimestamp';
import type { ParsedEvent } from '../types';

/**
 * nginx/Apache combined (and common) log format, with an optional leading
 * virtual host (`%v`) and optional trailing fields. Quoted parts allow
 * backslash escapes and are matched without backtracking blow-ups.
 */
const ACCESS_LINE =
  /^(\S+) (\S+) (\S+) \[([^\]]{10,40})\] "([^"\\]*(?:\\.[^"\\]*)*)" (\d{3}|-) (\d+|-)(?: "([^"\\]*(?:\\.[^"\\]*)*)" "([^"\\]*(?:\\.[^"\\]*)*)")?(.*)$/;

/** The same with a leading virtual host; tried only when ACCESS_LINE fails, which is rare. */
const VHOST_ACCESS_LINE = new RegExp('^(\\S+) ' + ACCESS_LINE.source.slice(1));

/** A trailing quoted field after the user agent: nginx's `"$http_x_forwarded_for"`. */
const TRAILING_QUOTED = /^ "([^"]*)"/;

const HTTP_METHOD = /^[A-Z]{3,16}$/;

/** Whether a line is an access log line; the format detector counts these. */
export function isAccessLine(line: string): boolean {
  return ACCESS_LINE.test(line) || VHOST_ACCESS_LINE.test(line);
}

/** How far into a line its first four fields (vhost, client, ident, user) may reach. */
const ACCESS_PREFIX_CHARS = 512;

/**
 * A cheap first check before the access log pattern, for inputs where most
 * lines are something else: the line's first ` [` opens the time (a digit
 * follows) after its third field, or its fourth after a virtual host.
 */
export function looksLikeAccessLine(line: string): boolean {
  // A native search for ` [` is what most lines cost; the loop below runs on few.
  const bracket = line.indexOf(' [');
  if (bracket < 3 || bracket > ACCESS_PREFIX_CHARS) return false;
  const digit = line.charCodeAt(bracket + 2);
  if (digit < 48 || digit > 57) return false;
  let spaces = 0;
  for (let i = 0; i < bracket; i += 1) if (line.charCodeAt(i) === 32) spaces += 1;
  return spaces === 2 || spaces === 3;
}

let lastStamp = '';
let lastTime = NaN;

/**
 * Parses one access log line into `client_ip`, `method`, `path` (as sent,
 * percent-encoded), `protocol`, `status`, `bytes`, `referer`, `user_agent`,
 * `vhost`, `user`. The decoded path goes into the message and into
 * `path_decoded`, so words in encoded URLs (Persian product names) are
 * searchable while the text stays the line as it was written.
 */
export function parseAccessLine(line: string, lineNumber: number): ParsedEvent | undefined {
  const plain = ACCESS_LINE.exec(line);
  const withHost = plain ? null : VHOST_ACCESS_LINE.exec(line);
  const match = plain ?? withHost;
  if (!match) return undefined;
  const at = withHost ? 1 : 0;
  const vhost = withHost ? withHost[1] : undefined;
  const clientIp = match[at + 1];
  const user = match[at + 3];
  const stamp = match[at + 4];
  const request = match[at + 5];
  const status = match[at + 6];
  const bytes = match[at + 7];
  const referer = match[at + 8];
  const userAgent = match[at + 9];
  const rest = match[at + 10];

  const fields: Record<string, FieldValue> = { client_ip: clientIp };
  if (vhost !== undefined) fields.vhost = vhost;
  if (user !== '-') fields.user = user;

  let decodedPath: string | undefined;
  let summary = request;
  const firstSpace = request.indexOf(' ');
  const method = firstSpace > 0 ? request.slice(0, firstSpace) : '';
  if (HTTP_METHOD.test(method)) {
    const lastSpace = request.lastIndexOf(' ');
    const hasProtocol = lastSpace > firstSpace && request.startsWith('HTTP/', lastSpace + 1);
    const path = hasProtocol
      ? request.slice(firstSpace + 1, lastSpace)
      : request.slice(firstSpace + 1);
    fields.method = method;
    fields.path = path;
    if (hasProtocol) fields.protocol = request.slice(lastSpace + 1);
    decodedPath = decodePath(path);
    summary = method + ' ' + (decodedPath ?? path);
  } else if (request !== '' && request !== '-') {
    fields.request = request;
  }

  let level: LogLevel = 'info';
  if (status !== '-') {
    const code = Number(status);
    fields.status = code;
    if (code >= 500) level = 'error';
    else if (code >= 400) level = 'warn';
    summary += ' ' + status;
  }
  if (bytes !== '-') fields.bytes = Number(bytes);
  if (referer !== undefined && referer !== '-' && referer !== '') fields.referer = referer;
  if (userAgent !== undefined && userAgent !== '-' && userAgent !== '') {
    fields.user_agent = userAgent;
  }
  const forwarded = rest ? TRAILING_QUOTED.exec(rest) : null;
  if (forwarded && forwarded[1] !== '-' && forwarded[1] !== '') fields.forwarded_for = forwarded[1];

  // Neighbouring lines mostly share their second; reading it once saves a third of the time.
  if (stamp !== lastStamp) {
    lastStamp = stamp;
    lastTime = readTimestamp(stamp, 0);
  }
  if (decodedPath !== undefined) fields.path_decoded = decodedPath;
  return newEvent(line, lineNumber, summary, level, lastTime, fields);
}

/** Creates the format for access logs; lines never continue one another. */
export function createAccessLogFormat(): LineFormat {
  return { id: 'nginx-combined', parseHead: parseAccessLine, continues: () => false };
}

/** The percent-decoded path when decoding changes it, else undefined. */
function decodePath(path: string): string | undefined {
  if (path.indexOf('%') === -1) return undefined;
  try {
    const decoded = decodeURIComponent(path);
    return decoded === path ? undefined : decoded;
  } catch {
    // Malformed escapes (`%E0%A4%A`, bare `%`) leave the path as sent.
    return undefined;
  }
}
