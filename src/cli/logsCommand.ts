import { parseArgs } from 'node:util';
import { BUCKET_CHOICES, type BucketChoice } from '../shared/logs';
import { OpsdeskError } from '../shared/result';
import { LogEngine } from '../main/logs/logEngine';
import { loadPulledEvents } from '../main/logpull/loadPulled';
import { pulledDataFolder } from './pullCommand';
import { UsageError, type CliCommand, type CliIo } from './cliIo';
import { joinDashedValues } from './dashedValues';
import { logsReport, printLogsReport } from './logsReport';

interface LogsOptions {
  files: string[];
  /** Query what `pull` stored for this environment instead of files. */
  env?: string;
  dataDir: string;
  query: string;
  bucket: BucketChoice;
  timeZone: string;
  limit: number;
  json: boolean;
}

function parseLogsArgs(args: string[]): LogsOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinDashedValues(args, { '--query': '--query', '-q': '--query' }),
      allowPositionals: true,
      options: {
        query: { type: 'string', short: 'q', default: '' },
        bucket: { type: 'string', default: 'auto' },
        tz: { type: 'string' },
        limit: { type: 'string', default: '20' },
        json: { type: 'boolean', default: false },
        env: { type: 'string' },
        'data-dir': { type: 'string' },
        'config-dir': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0 && !values.env) {
    throw new UsageError('name at least one log file, or --env NAME for what was pulled.');
  }
  if (!(BUCKET_CHOICES as readonly string[]).includes(values.bucket)) {
    throw new UsageError(`--bucket must be one of ${BUCKET_CHOICES.join(', ')}.`);
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > 5000) {
    throw new UsageError('--limit must be a whole number from 0 to 5000.');
  }
  return {
    files: positionals,
    env: values.env,
    dataDir: pulledDataFolder(values['data-dir'], values['config-dir']),
    query: values.query,
    bucket: values.bucket as BucketChoice,
    timeZone: values.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    limit,
    json: values.json,
  };
}

async function runLogs(args: string[], io: CliIo): Promise<number> {
  const options = parseLogsArgs(args);
  const engine = new LogEngine();
  try {
    if (options.files.length > 0) await engine.open(options.files);
    if (options.env && (await loadPulledEvents(engine, options.dataDir, options.env)) === 0) {
      io.stderr(`opsdesk logs: nothing was pulled for ${options.env} in ${options.dataDir}.\n`);
      return 1;
    }
    await engine.whenLoaded();
    const sources = await engine.sources();
    const page = await engine.search({
      query: options.query,
      offset: 0,
      limit: Math.max(1, options.limit),
    });
    const histogram = await engine.histogram({
      query: options.query,
      bucket: options.bucket,
      timeZone: options.timeZone,
    });
    const rows = page.rows.slice(0, options.limit);
    const details = await Promise.all(rows.map((row) => engine.record(row.id)));
    const report = logsReport(options.query, sources, page, histogram, details);
    if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else printLogsReport(report, io);
    return sources.every((source) => source.state === 'failed') ? 1 : 0;
  } catch (error) {
    if (error instanceof OpsdeskError && error.code === 'query-syntax') {
      const pointer =
        error.position === undefined
          ? ''
          : `\n  ${options.query}\n  ${' '.repeat(error.position)}^`;
      io.stderr(`opsdesk logs: bad query: ${error.message}${pointer}\n`);
      return 2;
    }
    if (error instanceof OpsdeskError && error.code === 'invalid-request') {
      io.stderr(`opsdesk logs: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await engine.dispose();
  }
}

/** `opsdesk logs`: load files, run one query, print matches and a histogram. */
export const logsCommand: CliCommand = {
  usage:
    'logs FILE... | --env NAME [--data-dir DIR] [--query QUERY] [--bucket auto|15m|hour|day] [--tz ZONE] [--limit N] [--json]',
  summary:
    'Load log files, search them, and print the matches and a histogram of when they happened.\n' +
    '      A query may start with -: --query -status:200 (or --query=-status:200).',
  run: runLogs,
};
