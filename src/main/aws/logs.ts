import {
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
  paginateDescribeLogGroups,
  paginateDescribeLogStreams,
  paginateFilterLogEvents,
  paginateGetLogEvents,
  type CloudWatchLogsClient,
  type FilterLogEventsCommandOutput,
  type GetLogEventsCommandOutput,
  type GetQueryResultsCommandOutput,
  type LogGroup,
  type LogStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { OpsdeskError } from '../../shared/result';
import { collectPages, readCall, readPages, type CallOptions, type CallPolicy } from './awsCall';

/** IAM actions this module can call. */
export const LOGS_ACTIONS = [
  'logs:DescribeLogGroups',
  'logs:DescribeLogStreams',
  'logs:FilterLogEvents',
  'logs:GetLogEvents',
  'logs:StartQuery',
  'logs:GetQueryResults',
  'logs:StopQuery',
] as const;

/** A time window and optional narrowing for FilterLogEvents; times are epoch ms. */
export interface LogEventFilter {
  logGroupName: string;
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  logStreamNames?: string[];
  /** Events per page; CloudWatch's maximum is 10,000. */
  pageSize?: number;
}

/** One stream read in order, from a time or from the start. */
export interface LogStreamRead {
  logGroupName: string;
  logStreamName: string;
  startTime?: number;
  endTime?: number;
  pageSize?: number;
}

/** A Logs Insights query; times are epoch ms, converted to the API's seconds here. */
export interface InsightsQuery {
  logGroupNames: string[];
  queryString: string;
  startTime: number;
  endTime: number;
  limit?: number;
}

/** The CloudWatch Logs operations Opsdesk uses: reading groups, streams and events. */
export class LogsOperations {
  constructor(
    private readonly client: CloudWatchLogsClient,
    private readonly policy: CallPolicy,
  ) {}

  /** Log groups whose names start with a prefix, every page followed. */
  async describeLogGroups(namePrefix?: string, options?: CallOptions): Promise<LogGroup[]> {
    const pages = readPages(
      { action: 'logs:DescribeLogGroups', resource: namePrefix },
      this.policy,
      options,
      (startingToken, abortSignal) =>
        paginateDescribeLogGroups(
          { client: this.client, startingToken },
          namePrefix ? { logGroupNamePrefix: namePrefix } : {},
          { abortSignal },
        ),
      (page) => page.nextToken,
    );
    return collectPages(pages, (page) => page.logGroups);
  }

  /** A group's streams, most recently written first, every page followed. */
  async describeLogStreams(logGroupName: string, options?: CallOptions): Promise<LogStream[]> {
    const pages = readPages(
      { action: 'logs:DescribeLogStreams', resource: logGroupName },
      this.policy,
      options,
      (startingToken, abortSignal) =>
        paginateDescribeLogStreams(
          { client: this.client, startingToken },
          { logGroupName, orderBy: 'LastEventTime', descending: true },
          { abortSignal },
        ),
      (page) => page.nextToken,
    );
    return collectPages(pages, (page) => page.logStreams);
  }

  /**
   * Pages of matching events across a group's streams, for pulling with progress.
   *
   * A page may be empty while a next token remains; the pull goes on until
   * CloudWatch gives no token.
   */
  filterLogEventPages(
    filter: LogEventFilter,
    options?: CallOptions,
  ): AsyncGenerator<FilterLogEventsCommandOutput, void, undefined> {
    const { pageSize, ...input } = filter;
    return readPages(
      { action: 'logs:FilterLogEvents', resource: filter.logGroupName },
      this.policy,
      options,
      (startingToken, abortSignal) =>
        paginateFilterLogEvents(
          { client: this.client, startingToken, pageSize },
          { ...input },
          { abortSignal },
        ),
      (page) => page.nextToken,
    );
  }

  /**
   * Pages of one stream's events, oldest first.
   *
   * GetLogEvents always returns a forward token; the end is reached when the
   * token comes back unchanged.
   */
  logStreamPages(
    read: LogStreamRead,
    options?: CallOptions,
  ): AsyncGenerator<GetLogEventsCommandOutput, void, undefined> {
    const { pageSize, ...input } = read;
    return readPages(
      { action: 'logs:GetLogEvents', resource: `${read.logGroupName}:${read.logStreamName}` },
      this.policy,
      options,
      (startingToken, abortSignal) =>
        paginateGetLogEvents(
          { client: this.client, startingToken, pageSize, stopOnSameToken: true },
          { ...input, startFromHead: true },
          { abortSignal },
        ),
      (page) => page.nextForwardToken,
    );
  }

  /** Starts a Logs Insights query where the data is and returns its id. */
  async startQuery(query: InsightsQuery, options?: CallOptions): Promise<string> {
    const output = await readCall(
      { action: 'logs:StartQuery', resource: query.logGroupNames.join(', ') },
      this.policy,
      options,
      (abortSignal) =>
        this.client.send(
          new StartQueryCommand({
            logGroupNames: query.logGroupNames,
            queryString: query.queryString,
            startTime: Math.floor(query.startTime / 1000),
            endTime: Math.ceil(query.endTime / 1000),
            ...(query.limit ? { limit: query.limit } : {}),
          }),
          { abortSignal },
        ),
    );
    if (!output.queryId)
      throw new OpsdeskError('aws', 'logs:StartQuery answered without a query id.');
    return output.queryId;
  }

  /** The status and, once complete, the rows of a Logs Insights query. */
  async getQueryResults(
    queryId: string,
    options?: CallOptions,
  ): Promise<GetQueryResultsCommandOutput> {
    return readCall({ action: 'logs:GetQueryResults' }, this.policy, options, (abortSignal) =>
      this.client.send(new GetQueryResultsCommand({ queryId }), { abortSignal }),
    );
  }

  /** Stops a running Logs Insights query; false when it had already finished. */
  async stopQuery(queryId: string, options?: CallOptions): Promise<boolean> {
    const output = await readCall(
      { action: 'logs:StopQuery' },
      this.policy,
      options,
      (abortSignal) => this.client.send(new StopQueryCommand({ queryId }), { abortSignal }),
    );
    return output.success ?? false;
  }
}
