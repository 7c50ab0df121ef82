import type { StaleMark, StatusReport, StatusSnapshot } from '../../shared/status';
import type { EnvironmentService } from '../environments/environmentService';
import { createLogger } from '../logger';
import { collectStatus } from './collectStatus';
import { messageOf } from './messageOf';
import { createRateBudget, type RateBudget } from './rateBudget';
import type { TaskDefinitionCache } from './serviceStatus';

const logger = createLogger('status');

/** How often the renderer polls in normal times, and the longest it waits when backing off. */
export const REFRESH_INTERVAL_MS = 15_000;
export const MAX_REFRESH_INTERVAL_MS = 120_000;

/** A status answer younger than this is served from memory: many windows, one set of calls. */
export const DEFAULT_MAX_AGE_MS = 10_000;

/** The status of the active environment, collected main-side and shared by every caller. */
export interface StatusService {
  /** The latest status, refreshed first when older than `maxAgeMs`. */
  get(maxAgeMs?: number): Promise<StatusReport>;
  /** Refreshes now (joining a refresh already under way) and answers the result. */
  refresh(): Promise<StatusReport>;
  dispose(): void;
}

/** What the status service needs. */
export interface StatusServiceOptions {
  environments: Pick<EnvironmentService, 'current' | 'onChanged'>;
  budget?: RateBudget;
  now?: () => number;
}

/**
 * Creates the status service.
 *
 * One refresh runs at a time whoever asks; a failed refresh keeps the last
 * snapshot and marks it stale with the reason, and each failure in a row
 * (or throttling) doubles the interval the caller is told to wait.
 */
export function createStatusService(options: StatusServiceOptions): StatusService {
  const now = options.now ?? Date.now;
  const budget = options.budget ?? createRateBudget();
  let generation = 0;
  let environmentName = '';
  let snapshot: StatusSnapshot | null = null;
  let stale: StaleMark | null = null;
  let failuresInRow = 0;
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<StatusReport> | null = null;
  let taskDefinitions: TaskDefinitionCache = new Map();

  const report = (): StatusReport => {
    const throttled = budget.throttledAt() !== null || stale?.throttled === true;
    const doublings = failuresInRow + (throttled ? 1 : 0);
    return {
      environment: snapshot?.environment ?? environmentName,
      snapshot,
      stale,
      nextRefreshMs: Math.min(MAX_REFRESH_INTERVAL_MS, REFRESH_INTERVAL_MS * 2 ** doublings),
    };
  };

  const runRefresh = async (): Promise<StatusReport> => {
    const started = generation;
    lastAttemptAt = now();
    try {
      const { environment, clients } = await options.environments.current();
      environmentName = environment.name;
      const collected = await collectStatus({ environment, clients, budget, taskDefinitions, now });
      if (started !== generation) return report();
      snapshot = collected;
      stale = null;
      failuresInRow = 0;
    } catch (error) {
      if (started !== generation) return report();
      const reason = messageOf(error);
      logger.warn(`status refresh failed: ${reason}`);
      stale = {
        reason,
        failedAt: new Date(now()).toISOString(),
        throttled: /limiting the request rate/.test(reason) || budget.throttledAt() !== null,
      };
      failuresInRow += 1;
    }
    return report();
  };

  const refresh = () => {
    inFlight ??= runRefresh().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const stopListening = options.environments.onChanged((info) => {
    generation += 1;
    environmentName = info.name;
    snapshot = null;
    stale = null;
    failuresInRow = 0;
    lastAttemptAt = Number.NEGATIVE_INFINITY;
    inFlight = null;
    taskDefinitions = new Map();
  });

  return {
    async get(maxAgeMs = DEFAULT_MAX_AGE_MS) {
      if (inFlight) return inFlight;
      // After a failure the backoff holds for pollers too; only `refresh` goes sooner.
      const current = report();
      const wait = stale ? Math.max(maxAgeMs, current.nextRefreshMs) : maxAgeMs;
      if (now() - lastAttemptAt < wait) return current;
      return refresh();
    },
    refresh,
    dispose: () => stopListening(),
  };
}
