import type { ParsedEvent } from '../../logparse';
import type { LogService } from '../logs/logService';
import { eventBytes } from './pulledEvent';
import { PullStore } from './pullStore';
import { pulledSourceKey, pulledSourceName } from './sourceKeys';
import { GroupParser } from './streamParser';

/**
 * Loads every event pulled earlier for an environment from the data folder
 * into the log index, one source per log group (and filter pattern); returns
 * how many groups were loaded. An aborted `signal` stops it between batches,
 * leaving the groups begun so far partly loaded.
 */
export async function loadPulledEvents(
  logs: Pick<LogService, 'ingestEvents'>,
  dataDir: string,
  environment: string,
  signal?: AbortSignal,
): Promise<number> {
  const store = new PullStore(dataDir);
  const states = await store.pulledGroups(environment);
  let loaded = 0;
  for (const state of states) {
    const parser = new GroupParser(state.logGroup);
    const sourceKey = pulledSourceKey(environment, state.logGroup, state.filterPattern);
    const name = pulledSourceName(state.logGroup, state.filterPattern);
    const ingest = (events: ParsedEvent[], bytes: number, done: boolean) =>
      logs.ingestEvents({ sourceKey, name, format: parser.format(), events, bytes, done });

    for (const segment of await store.segments(state)) {
      // Each segment is one slice read in order, so it is parsed as one run.
      const run = parser.run();
      for await (const events of store.readSegment(segment)) {
        if (signal?.aborted) return loaded;
        const bytes = events.reduce((sum, event) => sum + eventBytes(event.message), 0);
        await ingest(run.push(events), bytes, false);
      }
      if (signal?.aborted) return loaded;
      await ingest(run.end(), 0, false);
    }
    if (signal?.aborted) return loaded;
    await ingest([], 0, true);
    loaded += 1;
  }
  return loaded;
}
