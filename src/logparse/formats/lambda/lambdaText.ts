import type { FieldValue, LogLevel } from '../../../shared/logs';
import { continuesTimestamped } from '../../continuation';
import { levelFromName } from '../../level';
import { appendToMessage, newEvent, type LineFormat } from '../../lineFormat';
import { readTimestamp, timestampEnd } from '../../time/readTimestamp';
import type { ParsedEvent } from '../../types';
import { parseJsonLine } from '../json';
import { leadingLevel } from '../plain';
import { enrichAppMessage } from './appMessage';
import { platformEventOf, readPlatformPairs } from './platformLine';

/** `awslogs get` / `aws logs tail` stream names: `2021/07/28/[$LATEST]<32 hex>`. */
const STREAM_NAME = /^\d{4}\/\d{2}\/\d{2}\/\[[^\]\s]{1,64}\][0-9a-f]{32}(?= )/;

/** Node.js runtime body after the time: `<request id>\t<LEVEL>\t`; Python's lacks the level. */
const RUNTIME_PREFIX =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\t(?:([A-Z]{4,5})\t)?/;

/** Python runtime lines start with the level: `[ERROR]\t2023-...Z\t<request id>\t...`. */
const PYTHON_LEVEL = /^\[([A-Z]{4,8})\][\t ]/;

/** The second line of a REPORT when active tracing is on. */
const XRAY_LINE = 'XRAY TraceId:';

/**
 * Whether a line has one of the Lambda shapes this format reads; the format
 * detector counts these.
 */
export function isLambdaLine(line: string): boolean {
  const first = line.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    if (STREAM_NAME.test(line)) return true;
    const time = readTimestamp(line, 0, 0);
    if (Number.isNaN(time)) return false;
    const end = timestampEnd();
    return line.charCodeAt(end) === 9 || STREAM_NAME.test(line.slice(end + 1, end + 80));
  }
  if (first === 91) return PYTHON_LEVEL.test(line);
  return platformEventOf(line) !== undefined;
}

/**
 * Creates the format for Lambda logs as text: CloudWatch console or CLI
 * copies (`<time>\t<message>`), `awslogs` output prefixed with the stream
 * name, and bare messages; platform lines (START, END, REPORT, INIT_START,
 * ...), Node.js and Python runtime lines, JSON lines and application lines.
 * Lines without a timestamp continue the event before them; a REPORT's XRAY
 * line adds `xray_trace_id`, `xray_segment_id` and `xray_sampled` to it.
 */
export function createLambdaFormat(): LineFormat {
  return {
    id: 'lambda',
    parseHead: parseLambdaHead,
    continues: (line, open) =>
      line.startsWith(XRAY_LINE) || continuesTimestamped(line, open.time !== undefined),
    complete(event, continuation) {
      const rest: string[] = [];
      for (const line of continuation) {
        if (line.startsWith(XRAY_LINE)) readPlatformPairs(line, event.fields, 'xray_');
        else rest.push(line);
      }
      if (rest.length > 0) appendToMessage(event, rest);
    },
  };
}

/** Parses a line that opens a Lambda event, or returns undefined. */
export function parseLambdaHead(line: string, lineNumber: number): ParsedEvent | undefined {
  const first = line.charCodeAt(0);
  const fields: Record<string, FieldValue> = {};

  if (first >= 48 && first <= 57) {
    const stream = STREAM_NAME.exec(line);
    let pos = 0;
    if (stream) {
      fields.log_stream = stream[0];
      pos = stream[0].length + 1;
    }
    const time = readTimestamp(line, pos, 0);
    if (Number.isNaN(time)) return undefined;
    pos = timestampEnd();
    if (!stream && line.charCodeAt(pos) === 32) {
      // `aws logs tail`: the stream name follows the time.
      const tailStream = STREAM_NAME.exec(line.slice(pos + 1, pos + 80));
      if (!tailStream) return undefined;
      fields.log_stream = tailStream[0];
      pos += tailStream[0].length + 1;
    } else if (line.charCodeAt(pos) !== 9 && line.charCodeAt(pos) !== 32) {
      return undefined;
    }
    return bodyEvent(line, lineNumber, line.slice(pos + 1), time, fields, undefined);
  }

  if (first === 91) {
    const python = PYTHON_LEVEL.exec(line);
    if (!python) return undefined;
    const level = levelFromName(python[1]);
    const rest = python[0].length;
    const time = readTimestamp(line, rest, 0);
    if (Number.isNaN(time) || line.charCodeAt(timestampEnd()) !== 9) {
      return newEvent(
        line,
        lineNumber,
        line.slice(rest).trimEnd(),
        level ?? 'unknown',
        undefined,
        fields,
      );
    }
    return bodyEvent(line, lineNumber, line.slice(timestampEnd() + 1), time, fields, level);
  }

  if (first === 123) return parseJsonLine(line, lineNumber);
  if (platformEventOf(line)) return bodyEvent(line, lineNumber, line, undefined, fields, undefined);
  return undefined;
}

/** Builds the event from what follows the time (and stream name) on the line. */
function bodyEvent(
  line: string,
  lineNumber: number,
  body: string,
  time: number | undefined,
  fields: Record<string, FieldValue>,
  knownLevel: LogLevel | undefined,
): ParsedEvent {
  const platformEvent = platformEventOf(body);
  if (platformEvent) {
    fields.event = platformEvent;
    const failed = readPlatformPairs(body.slice(platformEvent.length), fields);
    return newEvent(line, lineNumber, body.trimEnd(), failed ? 'error' : 'info', time, fields);
  }

  if (body.charCodeAt(0) === 123) {
    const json = parseJsonLine(body, lineNumber);
    if (json) {
      json.text = line;
      if (time !== undefined) json.time = time;
      Object.assign(json.fields, fields);
      return json;
    }
  }

  let level = knownLevel;
  let message = body;
  const runtime = RUNTIME_PREFIX.exec(body);
  if (runtime) {
    fields.request_id = runtime[1];
    if (runtime[2]) level = levelFromName(runtime[2]) ?? level;
    message = body.slice(runtime[0].length);
  }
  message = message.trimEnd();
  enrichAppMessage(message, fields);
  return newEvent(
    line,
    lineNumber,
    message,
    level ?? leadingLevel(message) ?? 'unknown',
    time,
    fields,
  );
}
