import type { LogService } from '../logs/logService';
import { eventBytes } from './pulledEvent';
import { PullStore } from './pullStore';
import { GroupParser } from './streamParser';

/**
 * Loads every event pulled earlier for an environment from the data folder
 * into the log index, one source per log group (and filter pattern); returns
 * how many groups were loaded.
 */
export async function loadPulledEvents(
  logs: Pick<LogService, 'ingestEvents'>,
  dataDir: string,
  environment: string,
): Promise<number> {
  const store = new PullStore(dataDir);
  const states = await store.pulledGroups(environment);
  for (const state of states) {
    const parser = new GroupParser(state.logGroup);
    const sourceKey = `${environment}:${state.logGroup}:${state.filterPattern ?? ''}`;
    const name = state.filterPattern
      ? `${state.logGroup} (${state.filterPattern})`
      : state.logGroup;
    for (const segment of await store.segments(state)) {
      // Each segment is one slice read in order, so it is parsed as one run.
      const run = parser.run();
      for await (const events of store.readSegment(segment)) {
        const bytes = events.reduce((sum, event) => sum + eventBytes(event.message), 0);
        const parsed = run.push(events);
        await logs.ingestEvents({
          sourceKey,
          name,
          format: parser.format(),
          events: parsed,
          bytes,
          done: false,
        });
      }
      const rest = run.end();
      await logs.ingestEvents({
        sourceKey,
        name,
        format: parser.format(),
        events: rest,
        bytes: 0,
        done: false,
      });
    }
    await logs.ingestEvents({
      sourceKey,
      name,
      format: parser.format(),
      events: [],
      bytes: 0,
      done: true,
    });
  }
  return states.length;
}
