import { LOG_LEVELS, type HistogramBucket, type LogLevel } from '../../shared/logs';
import type {
  InsightsHistogram,
  InsightsHistogramRequest,
} from '../../shared/ipc/channels/logpull';
import { OpsdeskError } from '../../shared/result';
import { sleepUnlessAborted } from '../aws/awsCall';
import type { LogsOperations } from '../aws/logs';
import { assertTimeZone, bucketBoundaries, resolveBucket } from '../logs/histogram';

/** How the wait for a Logs Insights query is paced and bounded. */
export interface InsightsPacing {
  pollMs: number;
  timeoutMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_PACING: InsightsPacing = {
  pollMs: 500,
  timeoutMs: 120_000,
  sleep: sleepUnlessAborted,
};

const MINUTE = 60_000;
/** Logs Insights returns at most this many rows. */
const MAX_ROWS = 10_000;

/**
 * Counts a range's events per bucket with Logs Insights, where the data is,
 * for ranges too large to pull. CloudWatch bins in UTC, so the query bins
 * finely (15 minutes) and the bins are added up into the user's local
 * buckets; CloudWatch knows no levels, so every count is `unknown`.
 */
export async function insightsHistogram(
  logs: LogsOperations,
  request: InsightsHistogramRequest,
  pacing: InsightsPacing = DEFAULT_PACING,
  signal?: AbortSignal,
): Promise<InsightsHistogram> {
  const started = performance.now();
  assertTimeZone(request.timeZone);
  const binMinutes = (request.to - request.from) / (15 * MINUTE) <= MAX_ROWS ? 15 : 60;
  const queryId = await logs.startQuery(
    {
      logGroupNames: request.logGroups,
      queryString: `stats count(*) as events by bin(${binMinutes}m)`,
      startTime: request.from,
      endTime: request.to - 1,
      limit: MAX_ROWS,
    },
    { signal },
  );

  const deadline = performance.now() + pacing.timeoutMs;
  for (;;) {
    const output = await logs.getQueryResults(queryId, { signal });
    if (output.status === 'Complete') {
      const bucket = resolveBucket(request.bucket, request.from, request.to);
      const boundaries = bucketBoundaries(bucket, request.from, request.to, request.timeZone);
      const bins = (output.results ?? []).map(readBin);
      const buckets = addUp(boundaries, bins);
      return {
        bucket,
        timeZone: request.timeZone,
        buckets,
        total: bins.reduce((sum, bin) => sum + bin.count, 0),
        untimed: 0,
        tookMs: performance.now() - started,
        computedBy: 'cloudwatch',
        logGroups: request.logGroups,
        recordsScanned: output.statistics?.recordsScanned ?? 0,
      };
    }
    if (output.status !== 'Running' && output.status !== 'Scheduled') {
      throw new OpsdeskError('aws', `The Logs Insights query ended as ${output.status}.`);
    }
    if (performance.now() > deadline) {
      await logs.stopQuery(queryId).catch(() => false);
      throw new OpsdeskError(
        'aws',
        'Logs Insights did not finish counting within two minutes; try a shorter range.',
      );
    }
    try {
      await pacing.sleep(pacing.pollMs, signal);
    } catch {
      await logs.stopQuery(queryId).catch(() => false);
      throw new OpsdeskError('cancelled', 'The Logs Insights query was cancelled.');
    }
  }
}

interface Bin {
  start: number;
  count: number;
}

/** Reads one result row: `bin(15m)` as a UTC time, and the count. */
function readBin(row: { field?: string; value?: string }[]): Bin {
  const bin = row.find((cell) => cell.field?.startsWith('bin('))?.value ?? '';
  const count = row.find((cell) => !cell.field?.startsWith('bin('))?.value ?? '0';
  return { start: Date.parse(`${bin.replace(' ', 'T')}Z`), count: Number(count) || 0 };
}

function addUp(boundaries: number[], bins: Bin[]): HistogramBucket[] {
  const buckets: HistogramBucket[] = [];
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const counts = Object.fromEntries(LOG_LEVELS.map((level) => [level, 0])) as Record<
      LogLevel,
      number
    >;
    buckets.push({ start: boundaries[index], end: boundaries[index + 1], counts });
  }
  let at = 0;
  for (const bin of [...bins].sort((a, b) => a.start - b.start)) {
    while (at < buckets.length && buckets[at].end <= bin.start) at += 1;
    if (at < buckets.length && bin.start >= buckets[at].start)
      buckets[at].counts.unknown += bin.count;
  }
  return buckets;
}
