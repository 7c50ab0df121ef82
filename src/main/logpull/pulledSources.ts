import type { LoadProgress } from '../../shared/logs';
import type { EnvironmentService } from '../environments/environmentService';
import { createLogger } from '../logger';
import type { LogService } from '../logs/logService';
import { loadPulledEvents } from './loadPulled';
import { isEnvironmentSourceKey } from './sourceKeys';

const log = createLogger('pulled-sources');

/** What the pulled sources need: the active environment, the index, the data folder. */
export interface PulledSourcesOptions {
  environments: Pick<EnvironmentService, 'current' | 'onChanged'>;
  logs: Pick<LogService, 'ingestEvents' | 'sources' | 'close'>;
  /** The folder pulls are kept in, as given to the pull service. */
  dataDir: string;
}

/**
 * Keeps the log index showing what was pulled in the active environment:
 * loads its pulled groups from the data folder when Opsdesk starts and when
 * the environment switches, and drops the previous environment's pulled
 * groups and live tails on a switch (the tail service stops the tails). Loading runs in the background; its progress is the
 * log index's own `logs:progress`.
 */
export interface PulledSources {
  /** Starts loading the active environment's pulls and following switches. */
  start(): void;
  /** Resolves once the loads and drops asked for so far are done. */
  settled(): Promise<void>;
  /**
   * Reports each source dropped on a switch as done loading, so that the
   * Sources list, which fetches the sources again when one is done, loses it.
   */
  onProgress(listener: (progress: LoadProgress) => void): () => void;
  dispose(): Promise<void>;
}

/** Creates the pulled sources over the environment service and the log index. */
export function createPulledSources(options: PulledSourcesOptions): PulledSources {
  const listeners = new Set<(progress: LoadProgress) => void>();
  /** The environment the index should show; undefined until the active one is known. */
  let wanted: string | undefined;
  /** The environment whose pulled groups are in the index, and whether all of them are. */
  let shown: { environment: string; complete: boolean } | undefined;
  let loading: AbortController | undefined;
  let queue: Promise<void> = Promise.resolve();
  let starting: Promise<void> = Promise.resolve();
  let stopFollowing: (() => void) | undefined;
  let disposed = false;

  function show(environment: string): void {
    if (disposed) return;
    wanted = environment;
    // A load of the environment being left is not worth finishing.
    if (shown?.environment !== environment) loading?.abort();
    queue = queue.then(reconcile).catch((error: unknown) => {
      log.warn('loading pulled log groups failed', error);
    });
  }

  async function reconcile(): Promise<void> {
    const target = wanted;
    if (target === undefined || (shown?.environment === target && shown.complete)) return;

    if (shown) await drop(shown.environment);
    shown = { environment: target, complete: false };
    const controller = new AbortController();
    loading = controller;
    const groups = await loadPulledEvents(options.logs, options.dataDir, target, controller.signal);
    if (controller.signal.aborted) return;
    shown.complete = true;
    if (groups > 0) log.info(`loaded ${groups} pulled log group(s) of ${target}`);
  }

  async function drop(environment: string): Promise<void> {
    const sources = await options.logs.sources();
    for (const source of sources) {
      if (!isEnvironmentSourceKey(source.path, environment)) continue;
      await options.logs.close(source.sourceId);
      const progress: LoadProgress = {
        sourceId: source.sourceId,
        name: source.name,
        bytesRead: source.sizeBytes,
        totalBytes: 0,
        records: source.records,
        done: true,
      };
      listeners.forEach((listener) => listener(progress));
    }
  }

  return {
    start() {
      stopFollowing ??= options.environments.onChanged((info) => show(info.name));
      starting = options.environments
        .current()
        .then(({ environment }) => {
          // A switch made meanwhile already said what to show.
          if (wanted === undefined) show(environment.name);
        })
        .catch((error: unknown) => log.warn('no active environment to load pulls of', error));
    },

    async settled() {
      await starting;
      // Work queued while waiting is waited for too.
      let last: Promise<void>;
      do {
        last = queue;
        await last;
      } while (last !== queue);
    },

    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async dispose() {
      disposed = true;
      stopFollowing?.();
      loading?.abort();
      listeners.clear();
      await queue;
    },
  };
}
