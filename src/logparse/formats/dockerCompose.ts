import { appendToMessage, type LineFormat } from '../lineFormat';
import { readTimestamp, timestampEnd } from '../time/readTimestamp';
import type { ParsedEvent } from '../types';
import { looksLikeAccessLine, parseAccessLine } from './accessLog';
import { jsonObjectStart, parseJsonLine } from './json';
import { parsePlainLine } from './plain';

/** `docker compose logs` prefix: the service (container) name, padding, a bar. */
const COMPOSE_PREFIX = /^([A-Za-z0-9][\w.-]{0,63}) *\| ?/;

/**
 * Container output that can only continue the line before it: tab- or
 * deeper-indented lines, Java frames, Python tracebacks. A single leading
 * space does not count: Flask and others print ` * Running on ...` as lines
 * of their own.
 */
const COMPOSE_CONTINUATION = /^(?:\t| {2,}|at |Caused by:|Traceback \(|File "|\.\.\. \d+ more)/;

interface ComposeLine {
  service: string;
  /** Time `docker compose logs -t` put before the container's line, NaN without. */
  time: number;
  /** Where the container's own line starts. */
  contentStart: number;
}

/** Whether a line carries a compose prefix; the format detector counts these. */
export function isComposeLine(line: string): boolean {
  return COMPOSE_PREFIX.test(line);
}

/**
 * Creates the format for `docker compose logs` output: each line is
 * `service | [time ]content`, and the content is read as JSON when it is an
 * object, as an access log line when it is one (an nginx container), else as
 * an application line. Fields gain `service`.
 */
export function createDockerComposeFormat(now?: number): LineFormat {
  return {
    id: 'docker-compose',
    claims(line, open) {
      const split = splitComposeLine(line);
      if (!split || split.service !== open.fields.service) return false;
      return COMPOSE_CONTINUATION.test(line.slice(split.contentStart, split.contentStart + 64));
    },
    parseHead: (line, lineNumber) => parseComposeLine(line, lineNumber, now),
    continues: () => false,
    complete(event, continuation) {
      if (continuation.length === 0) return;
      const contents = continuation.map((line) => {
        const split = splitComposeLine(line);
        return split ? line.slice(split.contentStart) : line;
      });
      appendToMessage(event, contents);
    },
  };
}

/** Parses one compose line; undefined when it has no compose prefix. */
export function parseComposeLine(
  line: string,
  lineNumber: number,
  now?: number,
): ParsedEvent | undefined {
  const split = splitComposeLine(line);
  if (!split) return undefined;
  const content = line.slice(split.contentStart);
  const event =
    (jsonObjectStart(content) === 0 ? parseJsonLine(content, lineNumber) : undefined) ??
    (looksLikeAccessLine(content) ? parseAccessLine(content, lineNumber) : undefined) ??
    parsePlainLine(content, lineNumber, now);
  event.text = line;
  event.message = event.message.trimStart();
  const serviceKey = event.fields.service === undefined ? 'service' : 'compose_service';
  event.fields[serviceKey] = split.service;
  if (!Number.isNaN(split.time)) event.time = split.time;
  return event;
}

function splitComposeLine(line: string): ComposeLine | undefined {
  const prefix = COMPOSE_PREFIX.exec(line);
  if (!prefix) return undefined;
  let contentStart = prefix[0].length;
  let time = NaN;
  const first = line.charCodeAt(contentStart);
  if (first >= 48 && first <= 57 && line.charCodeAt(contentStart + 10) === 84) {
    time = readTimestamp(line, contentStart);
    if (!Number.isNaN(time)) {
      contentStart = timestampEnd();
      if (line.charCodeAt(contentStart) === 32) contentStart += 1;
    }
  }
  return { service: prefix[1], time, contentStart };
}
