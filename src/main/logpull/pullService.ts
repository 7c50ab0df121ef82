import { randomUUID } from 'node:crypto';
import type {
  InsightsHistogram,
  InsightsHistogramRequest,
  PullableGroup,
  PullProgress,
  PullRequest,
  PullStarted,
  RangeEstimate,
  RangeRequest,
} from '../../shared/ipc/channels/logpull';
import { OpsdeskError } from '../../shared/result';
import type { EnvironmentService } from '../environments/environmentService';
import { createLogger } from '../logger';
import type { LogService } from '../logs/logService';
import { pullGroup } from './groupPull';
import { insightsHistogram } from './insightsHistogram';
import { ProgressMeter } from './progressMeter';
import { PullStore } from './pullStore';
import { refuseUnlisted, streamsWithPrefixes } from './groupAccess';
import { estimateRange } from './rangeEstimate';
import { pulledSourceKey, pulledSourceName } from './sourceKeys';
import { TokenBucket } from './tokenBucket';

const log = createLogger('log-pull');

/** FilterLogEvents' default quota in many regions: requests per second per account. */
export const DEFAULT_RATE_QUOTA = 5;
/** Slices of one group read at once; enough to keep the quota busy at 1 s per page. */
export const DEFAULT_CONCURRENCY = 6;
/** Ranges estimated above this are offered to Logs Insights rather than pulled. */
export const DEFAULT_LOCAL_LIMIT_BYTES = 2 * 1024 ** 3;

/** What the pull service needs; tests pass a fast quota and a temporary folder. */
export interface LogPullOptions {
  environments: Pick<EnvironmentService, 'current'>;
  logs: Pick<LogService, 'ingestEvents'>;
  /** The folder pulled events and pull state are kept in. */
  dataDir: string;
  /** Requests per second FilterLogEvents may use, shared by every slice. */
  rateQuota?: number;
  concurrency?: number;
  localLimitBytes?: number;
  now?: () => number;
}

/** Pulls CloudWatch log groups of the active environment into the local index. */
export interface LogPullService {
  /** The environment's log groups and what was pulled of each. */
  groups(): Promise<PullableGroup[]>;
  /** Names of a group's streams, most recently written first. */
  streams(logGroup: string): Promise<string[]>;
  /** Checks the request and starts the pull; progress follows as events. */
  start(request: PullRequest): Promise<PullStarted>;
  /** Pulls to the end and resolves with the final progress; for the command line and the bench. */
  run(request: PullRequest, onProgress?: (progress: PullProgress) => void): Promise<PullProgress>;
  cancel(pullId: string): Promise<boolean>;
  estimate(request: RangeRequest): Promise<RangeEstimate>;
  insightsHistogram(request: InsightsHistogramRequest): Promise<InsightsHistogram>;
  onProgress(listener: (progress: PullProgress) => void): () => void;
  dispose(): Promise<void>;
}

/** Creates the pull service over the environment service and the log index. */
export function createLogPullService(options: LogPullOptions): LogPullService {
  const store = new PullStore(options.dataDir);
  const now = options.now ?? Date.now;
  const listeners = new Set<(progress: PullProgress) => void>();
  const running = new Map<string, { controller: AbortController; groups: string[] }>();
  const localLimitBytes = options.localLimitBytes ?? DEFAULT_LOCAL_LIMIT_BYTES;
  const broadcast = (progress: PullProgress) => listeners.forEach((listener) => listener(progress));

  const busyGroups = () => new Set([...running.values()].flatMap((pull) => pull.groups));

  async function prepare(request: PullRequest) {
    const active = await options.environments.current();
    refuseUnlisted(active.environment, request.logGroups);
    const busy = busyGroups();
    const taken = request.logGroups.find((group) => busy.has(group));
    if (taken) throw new OpsdeskError('conflict', `${taken} is being pulled already.`);
    const logStreamNames = await streamsWithPrefixes(active.clients, request);
    return { active, logStreamNames };
  }

  async function execute(
    pullId: string,
    request: PullRequest,
    prepared: Awaited<ReturnType<typeof prepare>>,
    onProgress: (progress: PullProgress) => void,
  ): Promise<PullProgress> {
    const { environment, clients } = prepared.active;
    const controller = new AbortController();
    running.set(pullId, { controller, groups: request.logGroups });
    const meter = new ProgressMeter(
      { pullId, environment: environment.name, logGroups: request.logGroups },
      now,
      onProgress,
    );
    const bucket = new TokenBucket(options.rateQuota ?? DEFAULT_RATE_QUOTA);
    const range = request.refresh ? 'refresh' : { from: request.from!, to: request.to! };
    try {
      await Promise.all(
        request.logGroups.map(async (logGroup) => {
          const sourceKey = pulledSourceKey(environment.name, logGroup, request.filterPattern);
          const name = pulledSourceName(logGroup, request.filterPattern);
          let format = 'unknown';
          // The source appears with its first events: a pull that finds none adds no empty source.
          let indexed = false;
          // Bytes of events held back for a continuation line go with the next events indexed.
          let heldBytes = 0;
          try {
            const counts = await pullGroup({
              logs: clients.logs,
              store,
              environment: environment.name,
              logGroup,
              range,
              filterPattern: request.filterPattern,
              logStreamNames: prepared.logStreamNames.get(logGroup),
              bucket,
              concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
              signal: controller.signal,
              now,
              pullId,
              ingest: async (groupFormat, events, bytes) => {
                format = groupFormat;
                heldBytes += bytes;
                if (events.length === 0) return;
                indexed = true;
                const batchBytes = heldBytes;
                heldBytes = 0;
                await options.logs.ingestEvents({
                  sourceKey,
                  name,
                  format,
                  events,
                  bytes: batchBytes,
                  done: false,
                });
              },
              onProgress: (groupCounts) => meter.update(logGroup, groupCounts),
              onThrottled: (message) => (meter.notice = message),
            });
            meter.update(logGroup, counts);
          } finally {
            // Ended, cancelled or failed, what was indexed stops loading.
            if (indexed) {
              await options.logs.ingestEvents({
                sourceKey,
                name,
                format,
                events: [],
                bytes: heldBytes,
                done: true,
              });
            }
          }
        }),
      );
      const final = meter.snapshot('done');
      return meter.emit('done', final.events === 0 ? noEventsMessage(request) : undefined);
    } catch (error) {
      const failure = controller.signal.aborted
        ? new OpsdeskError('cancelled', 'The pull was cancelled.')
        : asOpsdeskError(error);
      if (failure.code === 'cancelled')
        return meter.emit('cancelled', 'The pull was cancelled; pull again to resume it.');
      log.warn(`pull ${pullId} failed`, failure.message);
      return meter.emit('failed', failure.message);
    } finally {
      controller.abort();
      running.delete(pullId);
    }
  }

  return {
    async groups() {
      const { environment, clients } = await options.environments.current();
      const described = await clients.logs.describeLogGroups().catch(() => []);
      return Promise.all(
        environment.logGroups.map(async (name) => {
          const state = await store.readState(environment.name, name);
          const pulledUntil = state.covered.length
            ? Math.max(...state.covered.map((range) => range.to))
            : undefined;
          const storedBytes = described.find((group) => group.logGroupName === name)?.storedBytes;
          return {
            name,
            ...(storedBytes === undefined ? {} : { storedBytes }),
            ...(pulledUntil === undefined ? {} : { pulledUntil }),
            unfinished: state.unfinished !== undefined,
          };
        }),
      );
    },

    async streams(logGroup) {
      const { environment, clients } = await options.environments.current();
      refuseUnlisted(environment, [logGroup]);
      const streams = await clients.logs.describeLogStreams(logGroup);
      return streams.flatMap((stream) => (stream.logStreamName ? [stream.logStreamName] : []));
    },

    async start(request) {
      const prepared = await prepare(request);
      const pullId = randomUUID();
      void execute(pullId, request, prepared, broadcast);
      return { pullId };
    },

    async run(request, onProgress) {
      const prepared = await prepare(request);
      return execute(randomUUID(), request, prepared, (progress) => {
        onProgress?.(progress);
        broadcast(progress);
      });
    },

    async cancel(pullId) {
      const pull = running.get(pullId);
      pull?.controller.abort();
      return pull !== undefined;
    },

    async estimate(request) {
      const { environment, clients } = await options.environments.current();
      refuseUnlisted(environment, request.logGroups);
      const estimatedBytes = await estimateRange(clients.logs, request);
      return {
        estimatedBytes,
        localLimitBytes,
        beyondLocalLimit: estimatedBytes > localLimitBytes,
      };
    },

    async insightsHistogram(request) {
      const { environment, clients } = await options.environments.current();
      refuseUnlisted(environment, request.logGroups);
      return insightsHistogram(clients.logs, request);
    },

    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async dispose() {
      for (const pull of running.values()) pull.controller.abort();
      listeners.clear();
    },
  };
}

function noEventsMessage(request: PullRequest): string {
  if (request.refresh) return 'Nothing new since the last pull.';
  const range = `${new Date(request.from!).toISOString()} to ${new Date(request.to!).toISOString()}`;
  return `No events in ${request.logGroups.join(', ')} from ${range} (UTC)${request.filterPattern ? ' match the filter pattern' : ''}.`;
}

function asOpsdeskError(error: unknown): OpsdeskError {
  if (error instanceof OpsdeskError) return error;
  log.error('pull failed unexpectedly', error);
  return new OpsdeskError('internal', 'The pull failed unexpectedly; see the log file.');
}
