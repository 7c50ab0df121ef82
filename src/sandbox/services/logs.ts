import type { JsonOperation } from '../context';
import { AwsError } from '../errors';
import { runInsightsQuery, type InsightsQuery } from '../logs/insights';
import { pageOfList } from '../paging';
import { seededUuid } from '../random';
import { filterLogEvents, getLogEvents } from './logEvents';
import { LOGS_TARGET, logGroupArn, requireLogGroup } from './logGroups';

export { LOGS_TARGET };

/** Realistic time a Logs Insights query reports Running before it completes. */
const QUERY_RUNNING_MS = 1500;

function checkLimit(limit: number | undefined, max: number): void {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > max)) {
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
  }
}

const describeLogGroups: JsonOperation = (input, context) => {
  const request = input as {
    logGroupNamePrefix?: string;
    logGroupNamePattern?: string;
    nextToken?: string;
    limit?: number;
  };
  checkLimit(request.limit, 50);
  const now = context.clock.now();
  const groups = context.world.logs
    .list()
    .filter(
      (group) => !request.logGroupNamePrefix || group.name.startsWith(request.logGroupNamePrefix),
    )
    .filter(
      (group) =>
        !request.logGroupNamePattern ||
        group.name.toLowerCase().includes(request.logGroupNamePattern.toLowerCase()),
    );
  const page = pageOfList(groups, request, context.pageShapes.get('DescribeLogGroups'), 50);
  return {
    logGroups: page.items.map((group) => ({
      logGroupName: group.name,
      creationTime: group.creationTime,
      retentionInDays: group.retentionInDays,
      metricFilterCount: 0,
      arn: `${logGroupArn(context, group.name)}:*`,
      logGroupArn: logGroupArn(context, group.name),
      storedBytes: group.storedBytes(now),
      logGroupClass: 'STANDARD',
    })),
    nextToken: page.nextToken,
  };
};

const describeLogStreams: JsonOperation = (input, context) => {
  const request = input as {
    logGroupName?: string;
    logGroupIdentifier?: string;
    logStreamNamePrefix?: string;
    orderBy?: 'LogStreamName' | 'LastEventTime';
    descending?: boolean;
    nextToken?: string;
    limit?: number;
  };
  checkLimit(request.limit, 50);
  if (request.orderBy === 'LastEventTime' && request.logStreamNamePrefix) {
    throw new AwsError(
      'InvalidParameterException',
      'Cannot order by LastEventTime with a logStreamNamePrefix.',
    );
  }
  const group = requireLogGroup(context, request);
  const now = context.clock.now();
  const streams = group
    .streamList()
    .filter(
      (stream) =>
        !request.logStreamNamePrefix ||
        stream.logStreamName.startsWith(request.logStreamNamePrefix),
    )
    .map((stream) => {
      const events = group.stream(stream.logStreamName, now)!;
      const first = events.length ? events.timeAt(0) : undefined;
      const last = events.length ? events.timeAt(events.length - 1) : undefined;
      return {
        logStreamName: stream.logStreamName,
        creationTime: stream.creationTime,
        ...(first === undefined
          ? {}
          : {
              firstEventTimestamp: first,
              lastEventTimestamp: last,
              lastIngestionTime: last! + 400,
            }),
        arn: `${logGroupArn(context, group.name)}:log-stream:${stream.logStreamName}`,
        storedBytes: 0,
      };
    });
  if (request.orderBy === 'LastEventTime') {
    streams.sort((a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0));
  } else {
    streams.sort((a, b) => (a.logStreamName < b.logStreamName ? -1 : 1));
  }
  if (request.descending) streams.reverse();
  const page = pageOfList(streams, request, context.pageShapes.get('DescribeLogStreams'), 50);
  return { logStreams: page.items, nextToken: page.nextToken };
};

const startQuery: JsonOperation = (input, context) => {
  const request = input as {
    logGroupName?: string;
    logGroupNames?: string[];
    logGroupIdentifiers?: string[];
    startTime?: number;
    endTime?: number;
    queryString?: string;
    limit?: number;
  };
  const references =
    request.logGroupNames ??
    request.logGroupIdentifiers ??
    (request.logGroupName ? [request.logGroupName] : []);
  if (references.length === 0)
    throw new AwsError('InvalidParameterException', 'Log group names or identifiers are required.');
  if (request.startTime === undefined || request.endTime === undefined || !request.queryString) {
    throw new AwsError(
      'InvalidParameterException',
      'startTime, endTime and queryString are required.',
    );
  }
  if (request.endTime < request.startTime) {
    throw new AwsError(
      'InvalidParameterException',
      'End time should not be before the start time.',
    );
  }
  checkLimit(request.limit, 10_000);
  const groups = references.map((reference) =>
    requireLogGroup(
      context,
      reference.startsWith('arn:')
        ? { logGroupIdentifier: reference }
        : { logGroupName: reference },
    ),
  );

  const outcome = runInsightsQuery(
    groups,
    {
      queryString: request.queryString,
      startTime: request.startTime,
      endTime: request.endTime,
      limit: request.limit,
    },
    context.world.facts.accountId,
    context.clock.now(),
  );
  const query: InsightsQuery = {
    queryId: seededUuid(context.world.random),
    status: 'Running',
    ...outcome,
  };
  context.world.insights.set(query.queryId, query);
  context.clock.after(QUERY_RUNNING_MS, () => {
    if (query.status === 'Running') query.status = 'Complete';
  });
  return { queryId: query.queryId };
};

const getQueryResults: JsonOperation = (input, context) => {
  const query = context.world.insights.get(String((input as { queryId?: string }).queryId));
  if (!query) throw new AwsError('ResourceNotFoundException', 'Query does not exist.');
  if (query.status !== 'Complete') {
    return {
      status: query.status,
      results: [],
      statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
    };
  }
  return { status: 'Complete', results: query.results, statistics: query.statistics };
};

const stopQuery: JsonOperation = (input, context) => {
  const query = context.world.insights.get(String((input as { queryId?: string }).queryId));
  if (!query) throw new AwsError('ResourceNotFoundException', 'Query does not exist.');
  const stopped = query.status === 'Running';
  if (stopped) query.status = 'Cancelled';
  return { success: stopped };
};

/** PutLogEvents: how tests write late or out-of-order events, as a real application would. */
const putLogEvents: JsonOperation = (input, context) => {
  const request = input as {
    logGroupName?: string;
    logStreamName?: string;
    logEvents?: { timestamp: number; message: string }[];
  };
  const group = requireLogGroup(context, request);
  if (!request.logStreamName)
    throw new AwsError('InvalidParameterException', 'logStreamName is required.');
  for (const event of request.logEvents ?? []) {
    group.append(request.logStreamName, event.message, event.timestamp);
  }
  return { nextSequenceToken: undefined };
};

/** The CloudWatch Logs operations Opsdesk uses, by name. */
export const logsOperations: Record<string, JsonOperation> = {
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  FilterLogEvents: filterLogEvents,
  GetLogEvents: getLogEvents,
  StartQuery: startQuery,
  GetQueryResults: getQueryResults,
  StopQuery: stopQuery,
  PutLogEvents: putLogEvents,
};
