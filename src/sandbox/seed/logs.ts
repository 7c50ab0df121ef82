import { messageGenerator } from '../logs/generator';
import { LogGroup, LogStore } from '../logs/store';
import type { Random } from '../random';

const DAY_MS = 86_400_000;

/** The names of the streams the seeded groups write to; web and worker streams name their tasks. */
export interface SeedStreams {
  webTaskIds: string[];
  workerTaskIds: string[];
}

/**
 * The demo account's log groups: web (nginx access and app JSON lines),
 * worker (text lines with colour codes and stack traces), the deploy
 * function (START/END/REPORT), and empty groups the workflows write to.
 */
export function demoLogStore(
  random: Random,
  seed: number,
  startedAt: number,
  eventsPerDay: number,
  streams: SeedStreams,
): LogStore {
  const store = new LogStore();
  const created = startedAt - 400 * DAY_MS;
  const day = new Date(startedAt - DAY_MS).toISOString().slice(0, 10).replace(/-/g, '/');
  const group = (
    name: string,
    retention: number,
    generated?: ConstructorParameters<typeof LogGroup>[5],
  ) => store.add(new LogGroup(name, created, retention, startedAt, seed, generated));

  group('/ecs/demo/web', 30, {
    eventsPerDay,
    streamNames: streams.webTaskIds.map((id) => `web/web/${id}`),
    message: messageGenerator('web', seed),
  });
  group('/ecs/demo/worker', 30, {
    eventsPerDay,
    streamNames: streams.workerTaskIds.map((id) => `worker/worker/${id}`),
    message: messageGenerator('worker', seed),
  });
  group('/aws/lambda/opsdesk-deploy', 14, {
    eventsPerDay,
    streamNames: [0, 1].map(() => `${day}/[$LATEST]${random.hex(32)}`),
    message: messageGenerator('lambda', seed),
  });
  group('/aws/lambda/opsdesk-rollback', 14);
  group('/aws/lambda/opsdesk-backup', 14);
  group('/ecs/opsdesk-build', 90);
  group('/ecs/opsdesk-restore', 90);
  return store;
}
