import { parseArgs } from 'node:util';
import { defaultConfigFolder } from '../main/environments';
import { createLogPullService, DEFAULT_RATE_QUOTA } from '../main/logpull';
import type { PullProgress } from '../shared/ipc/channels/logpull';
import { OpsdeskError } from '../shared/result';
import { UsageError, type CliCommand, type CliIo } from './cliIo';
import {
  ENVIRONMENT_CLI_OPTIONS,
  ENVIRONMENT_CLI_USAGE,
  resolveEnvironment,
  type EnvironmentCliArgs,
  type ResolveEnvironmentDependencies,
} from './resolveEnvironment';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** How often the progress line is printed. */
const PROGRESS_LINE_MS = 1000;

/** A pull as the command line asks for it. */
export interface PullArguments extends EnvironmentCliArgs {
  groups: string[];
  streamPrefixes: string[];
  from?: number;
  to?: number;
  refresh: boolean;
  filterPattern?: string;
  dataDir: string;
  rateQuota: number;
}

/** Reads `6h`, `30m`, `2d` or `90s` as milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(text.trim());
  if (!match)
    throw new UsageError(`--since takes a duration such as 6h, 30m or 2d, not "${text}".`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** Reads an ISO date and time; without an offset it is in the local time zone. */
function parseTime(option: string, text: string): number {
  const time = Date.parse(text);
  if (Number.isNaN(time))
    throw new UsageError(
      `${option} takes a date and time such as 2026-12-03T08:00, not "${text}".`,
    );
  return time;
}

/** Parses the arguments of `opsdesk pull`; `now` places `--since`. */
export function parsePullArgs(args: string[], now: number): PullArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        ...ENVIRONMENT_CLI_OPTIONS,
        group: { type: 'string', multiple: true },
        'stream-prefix': { type: 'string', multiple: true },
        since: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        refresh: { type: 'boolean', default: false },
        filter: { type: 'string' },
        'data-dir': { type: 'string' },
        rate: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const groups = values.group ?? [];
  if (groups.length === 0) throw new UsageError('name a log group with --group.');
  const ranges = [values.since !== undefined, values.from !== undefined, values.refresh].filter(
    Boolean,
  );
  if (ranges.length !== 1)
    throw new UsageError('give one of --since, --from (with --to) or --refresh.');

  let from: number | undefined;
  let to: number | undefined;
  if (values.since !== undefined) {
    to = now;
    from = now - parseDuration(values.since);
  } else if (values.from !== undefined) {
    from = parseTime('--from', values.from);
    to = values.to === undefined ? now : parseTime('--to', values.to);
    if (from >= to) throw new UsageError('--from must be before --to.');
  }
  const rateQuota = values.rate === undefined ? DEFAULT_RATE_QUOTA : Number(values.rate);
  if (!(rateQuota > 0)) throw new UsageError('--rate takes requests per second above zero.');

  return {
    env: values.env,
    environments: values.environments,
    'config-dir': values['config-dir'],
    groups,
    streamPrefixes: values['stream-prefix'] ?? [],
    from,
    to,
    refresh: values.refresh,
    filterPattern: values.filter,
    dataDir: pulledDataFolder(values['data-dir'], values['config-dir']),
    rateQuota,
  };
}

/** Where pulled events are kept: `--data-dir`, `OPSDESK_DATA_DIR`, else the config folder. */
export function pulledDataFolder(dataDir?: string, configDir?: string): string {
  return dataDir ?? process.env.OPSDESK_DATA_DIR ?? configDir ?? defaultConfigFolder();
}

/** One progress line: events, bytes, rate, how far and how long left. */
export function progressLine(progress: PullProgress): string {
  const mb = (progress.bytes / 1_048_576).toFixed(1);
  const left =
    progress.secondsLeft === undefined ? '' : `, ~${Math.ceil(progress.secondsLeft)} s left`;
  const notice = progress.notice ? ` (${progress.notice})` : '';
  return (
    `pulled ${progress.events.toLocaleString('en')} events, ${mb} MB, ` +
    `${Math.round(progress.eventsPerSecond).toLocaleString('en')} events/s, ` +
    `${Math.floor(progress.fractionDone * 100)}%${left}${notice}`
  );
}

/** Runs `opsdesk pull`; `dependencies` let tests pass a sandbox. */
export async function runPull(
  args: string[],
  io: CliIo,
  dependencies: ResolveEnvironmentDependencies = {},
): Promise<number> {
  const options = parsePullArgs(args, Date.now());
  const resolved = await resolveEnvironment(options, io, dependencies);
  const service = createLogPullService({
    environments: { current: async () => resolved },
    // The command line keeps pulled events on disk only; `logs --env` indexes them.
    logs: { ingestEvents: async (batch) => ({ ...emptySource, name: batch.name }) },
    dataDir: options.dataDir,
    rateQuota: options.rateQuota,
  });
  let printedAt = 0;
  try {
    const final = await service.run(
      {
        logGroups: options.groups,
        streamPrefixes: options.streamPrefixes,
        from: options.from,
        to: options.to,
        refresh: options.refresh,
        filterPattern: options.filterPattern,
      },
      (progress) => {
        if (progress.state !== 'running' || Date.now() - printedAt < PROGRESS_LINE_MS) return;
        printedAt = Date.now();
        io.stderr(`${progressLine(progress)}\n`);
      },
    );
    if (final.message) io.stderr(`opsdesk pull: ${final.message}\n`);
    io.stdout(
      `${JSON.stringify(
        {
          environment: final.environment,
          logGroups: final.logGroups,
          state: final.state,
          events: final.events,
          bytes: final.bytes,
          duplicatesDropped: final.duplicates,
          seconds: Math.round(final.elapsedMs) / 1000,
          dataDir: options.dataDir,
        },
        null,
        2,
      )}\n`,
    );
    return final.state === 'done' ? 0 : 1;
  } catch (error) {
    if (error instanceof OpsdeskError) {
      io.stderr(`opsdesk pull: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await service.dispose();
    await resolved.dispose();
  }
}

const emptySource = {
  sourceId: 'pull',
  name: '',
  path: '',
  format: 'unknown',
  sizeBytes: 0,
  state: 'ready' as const,
  records: 0,
};

/** `opsdesk pull`: pull CloudWatch log groups of an environment into the data folder. */
export const pullCommand: CliCommand = {
  usage:
    `pull ${ENVIRONMENT_CLI_USAGE} --group GROUP... [--since 6h | --from ISO [--to ISO] | --refresh] ` +
    '[--filter PATTERN] [--stream-prefix PREFIX...] [--rate N] [--data-dir DIR]',
  summary:
    'Pull log groups from CloudWatch Logs for later queries with `logs --env NAME`; prints a JSON summary.',
  run: (args, io) => runPull(args, io),
};
