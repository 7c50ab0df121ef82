import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createLogger } from '../logger';
import type { RunRecord } from './runRecord';

const logger = createLogger('workflows');

/** The file of run records inside the data folder. */
export const RUNS_FILE_NAME = 'workflow-runs.json';

/** How many ended runs are kept; running ones are always kept. */
const KEPT_RUNS = 200;

/** The runs Opsdesk knows, kept on disk so a restart can pick up the running ones. */
export interface RunStore {
  /** Every record, newest first. */
  all(): Promise<RunRecord[]>;
  get(runId: string): Promise<RunRecord | undefined>;
  /** Saves a record; resolves once the whole file is written. */
  save(record: RunRecord): Promise<void>;
}

/**
 * Creates the run store in `dataDir`.
 *
 * The file is replaced whole (written beside, then renamed) so a crash leaves
 * either the old or the new list, never half of one.
 */
export function createRunStore(dataDir: string): RunStore {
  const filePath = path.join(dataDir, RUNS_FILE_NAME);
  let records: Promise<Map<string, RunRecord>> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const load = () =>
    (records ??= readFile(filePath, 'utf8')
      .then((text) => {
        const list = JSON.parse(text) as RunRecord[];
        return new Map(list.map((record) => [record.run.runId, record]));
      })
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') logger.warn(`could not read ${filePath}: ${error.message}`);
        return new Map<string, RunRecord>();
      }));

  const newestFirst = (map: Map<string, RunRecord>) =>
    [...map.values()].sort((a, b) => b.run.startedAt - a.run.startedAt);

  const writeAll = async (map: Map<string, RunRecord>) => {
    const list = newestFirst(map);
    const kept = [
      ...list.filter((record) => record.run.status === 'running'),
      ...list.filter((record) => record.run.status !== 'running').slice(0, KEPT_RUNS),
    ];
    await mkdir(dataDir, { recursive: true });
    const temporary = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(kept), { mode: 0o600 });
    await rename(temporary, filePath);
  };

  return {
    all: async () => newestFirst(await load()),
    get: async (runId) => (await load()).get(runId),
    async save(record) {
      const map = await load();
      map.set(record.run.runId, record);
      const written = writing.then(() => writeAll(map));
      writing = written.catch((error: Error) => logger.error('could not save runs', error.message));
      return written;
    },
  };
}
