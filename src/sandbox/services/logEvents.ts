import type { JsonOperation } from '../context';
import { AwsError } from '../errors';
import { compileFilterPattern } from '../logs/filterPattern';
import { GroupScan, scanStart, type ScanPosition } from '../logs/scan';
import { lowerBound, type LogEvent } from '../logs/store';
import { decodePageToken, encodePageToken } from '../paging';
import { requireLogGroup } from './logGroups';

/** AWS's page limits for log events: 10,000 events or 1 MB, whichever comes first. */
const MAX_EVENTS = 10_000;
const MAX_BYTES = 1_048_576;
/** Events one FilterLogEvents page may look at; sparse matches over much data give empty pages. */
const SCAN_BUDGET = 250_000;

/** The size AWS counts for an event in a page: its UTF-8 message plus 26 bytes. */
function eventBytes(message: string): number {
  return Buffer.byteLength(message) + 26;
}

function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS)) {
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000`,
    );
  }
}

interface FilterLogEventsRequest {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamNames?: string[];
  logStreamNamePrefix?: string;
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  nextToken?: string;
  limit?: number;
}

/**
 * FilterLogEvents: events of a group in time order, across streams. Pages stop
 * at the limit, 10,000 events, 1 MB or the scan budget; a page can be empty
 * and still carry a next token, as AWS's can.
 */
export const filterLogEvents: JsonOperation = (input, context) => {
  const request = input as FilterLogEventsRequest;
  checkLimit(request.limit);
  if (request.logStreamNames && request.logStreamNamePrefix) {
    throw new AwsError(
      'InvalidParameterException',
      'logStreamNames and logStreamNamePrefix are mutually exclusive.',
    );
  }
  const group = requireLogGroup(context, request);
  const matches = compileFilterPattern(request.filterPattern);
  const now = context.clock.now();
  const streamNames = group.streamList().map((stream) => stream.logStreamName);
  const streams = request.logStreamNames
    ? new Set(request.logStreamNames)
    : request.logStreamNamePrefix
      ? new Set(streamNames.filter((name) => name.startsWith(request.logStreamNamePrefix!)))
      : undefined;
  for (const name of request.logStreamNames ?? []) {
    if (!streamNames.includes(name))
      throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
  }

  const cursor = decodePageToken<ScanPosition>(
    request.nextToken,
    scanStart(group, request.startTime ?? 0, now),
  );
  const shape = context.pageShapes.get('FilterLogEvents');
  if (request.nextToken && (cursor.pagesServed ?? 0) >= (shape.expireTokenAfter ?? Infinity)) {
    throw new AwsError('InvalidParameterException', 'The specified nextToken has expired.');
  }
  if (cursor.emptiesServed < (shape.emptyPagesBefore ?? 0)) {
    return {
      events: [],
      searchedLogStreams: [],
      nextToken: encodePageToken({ ...cursor, emptiesServed: cursor.emptiesServed + 1 }),
    };
  }

  const maxEvents = Math.min(request.limit ?? MAX_EVENTS, shape.maxEvents ?? MAX_EVENTS);
  const maxBytes = shape.maxBytes ?? MAX_BYTES;
  const scan = new GroupScan(
    group,
    cursor.position,
    request.endTime ?? Number.MAX_SAFE_INTEGER,
    now,
    streams,
  );
  const events: LogEvent[] = [];
  let bytes = 0;
  let beforeLast = scan.position;
  while (events.length < maxEvents && scan.scanned < SCAN_BUDGET) {
    const before = { ...scan.position };
    const event = scan.next();
    if (!event) break;
    if (!matches(event.message)) continue;
    const size = eventBytes(event.message);
    if (bytes + size > maxBytes) {
      scan.rewind(before);
      break;
    }
    bytes += size;
    events.push(event);
    beforeLast = before;
  }

  // Serving the last event again on the next page is how AWS's duplicates look to a client.
  const repeat = shape.repeatLastEvent === true && events.length > 1 && !scan.done;
  const nextToken = scan.done
    ? undefined
    : encodePageToken({
        position: repeat ? beforeLast : scan.position,
        emptiesServed: cursor.emptiesServed,
        pagesServed: (cursor.pagesServed ?? 0) + 1,
      });
  return { events, searchedLogStreams: [], nextToken };
};

interface GetLogEventsRequest {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamName?: string;
  startTime?: number;
  endTime?: number;
  nextToken?: string;
  limit?: number;
  startFromHead?: boolean;
}

const formatToken = (direction: 'f' | 'b', position: number) =>
  `${direction}/${String(position).padStart(56, '0')}/s`;

/**
 * GetLogEvents: one stream, read forward or backward. At the end of the
 * stream the forward token handed in comes back unchanged, which is how
 * callers know to stop.
 */
export const getLogEvents: JsonOperation = (input, context) => {
  const request = input as GetLogEventsRequest;
  checkLimit(request.limit);
  const group = requireLogGroup(context, request);
  if (!request.logStreamName)
    throw new AwsError('InvalidParameterException', 'logStreamName is required.');
  const stream = group.stream(request.logStreamName, context.clock.now());
  if (!stream)
    throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');

  const low =
    request.startTime === undefined
      ? 0
      : lowerBound(0, stream.length, stream.timeAt, request.startTime);
  const high =
    request.endTime === undefined
      ? stream.length
      : lowerBound(low, stream.length, stream.timeAt, request.endTime);
  const token = request.nextToken ? /^([fb])\/(\d+)\/s$/.exec(request.nextToken) : null;
  if (request.nextToken && !token)
    throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
  const forward = token ? token[1] === 'f' : request.startFromHead === true;
  const from = Math.min(Math.max(token ? Number(token[2]) : forward ? low : high, low), high);

  const shape = context.pageShapes.get('GetLogEvents');
  const maxEvents = Math.min(request.limit ?? MAX_EVENTS, shape.maxEvents ?? MAX_EVENTS);
  const maxBytes = shape.maxBytes ?? MAX_BYTES;
  const events: LogEvent[] = [];
  let bytes = 0;
  let start = from;
  let end = from;
  while (events.length < maxEvents && (forward ? end < high : start > low)) {
    const event = stream.eventAt(forward ? end : start - 1);
    bytes += eventBytes(event.message);
    if (bytes > maxBytes) break;
    if (forward) {
      events.push(event);
      end++;
    } else {
      events.unshift(event);
      start--;
    }
  }

  return {
    events: events.map(({ timestamp, message, ingestionTime }) => ({
      timestamp,
      message,
      ingestionTime,
    })),
    nextForwardToken:
      forward && events.length === 0 && token ? request.nextToken : formatToken('f', end),
    nextBackwardToken:
      !forward && events.length === 0 && token ? request.nextToken : formatToken('b', start),
  };
};
