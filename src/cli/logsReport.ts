import { TZDate } from '@date-fns/tz';
import type {
  Histogram,
  LogLevel,
  LogRecordDetail,
  LogSource,
  SearchPage,
  FieldValue,
} from '../shared/logs';
import type { CliIo } from './cliIo';

/** What `opsdesk logs` prints as JSON. */
export interface LogsReport {
  query: string;
  sources: {
    name: string;
    path: string;
    format: string;
    state: string;
    records: number;
    problem?: string;
  }[];
  matches: number;
  warnings: string[];
  histogram: {
    bucket: string;
    timeZone: string;
    untimed: number;
    buckets: {
      start: string;
      startMs: number;
      end: string;
      endMs: number;
      total: number;
      counts: Record<LogLevel, number>;
    }[];
  };
  records: {
    id: number;
    time: string | null;
    timeMs: number | null;
    level: LogLevel;
    source: string;
    line: number;
    message: string;
    fields: Record<string, FieldValue>;
  }[];
}

function localIso(time: number, timeZone: string): string {
  return new TZDate(time, timeZone).toISOString();
}

/** Gathers the outcome of a `logs` run into the printed report. */
export function logsReport(
  query: string,
  sources: LogSource[],
  page: SearchPage & { warnings?: string[] },
  histogram: Histogram,
  details: LogRecordDetail[],
): LogsReport {
  const { timeZone } = histogram;
  return {
    query,
    sources: sources.map(({ name, path, format, state, records, problem }) => ({
      name,
      path,
      format,
      state,
      records,
      ...(problem ? { problem } : {}),
    })),
    matches: page.total,
    warnings: page.warnings ?? [],
    histogram: {
      bucket: histogram.bucket,
      timeZone,
      untimed: histogram.untimed,
      buckets: histogram.buckets.map((bucket) => ({
        start: localIso(bucket.start, timeZone),
        startMs: bucket.start,
        end: localIso(bucket.end, timeZone),
        endMs: bucket.end,
        total: Object.values(bucket.counts).reduce((sum, count) => sum + count, 0),
        counts: bucket.counts,
      })),
    },
    records: details.map((detail) => ({
      id: detail.id,
      time: detail.time === null ? null : localIso(detail.time, timeZone),
      timeMs: detail.time,
      level: detail.level,
      source: detail.sourceName,
      line: detail.lineNumber,
      message: detail.message,
      fields: detail.fields,
    })),
  };
}

const BAR_WIDTH = 40;

/**
 * Prints one bar per bucket that holds events. Empty buckets are only counted:
 * six weeks by the hour are a thousand lines, most of them blank.
 */
function printHistogram(histogram: LogsReport['histogram'], io: CliIo): void {
  const filled = histogram.buckets.filter((bucket) => bucket.total > 0);
  const empty = histogram.buckets.length - filled.length;
  const shown =
    empty > 0
      ? ` ${filled.length} of ${histogram.buckets.length} have events; the ${empty} empty ones are not shown`
      : '';
  io.stdout(`\nPer ${histogram.bucket} (${histogram.timeZone}):${shown}\n`);

  const most = Math.max(1, ...filled.map((bucket) => bucket.total));
  for (const bucket of filled) {
    const bar = '#'.repeat(Math.round((bucket.total / most) * BAR_WIDTH));
    const errors = bucket.counts.error + bucket.counts.fatal;
    const note = errors > 0 ? `  (${errors} error)` : '';
    io.stdout(
      `  ${bucket.start.slice(0, 16).replace('T', ' ')}  ${String(bucket.total).padStart(7)} ${bar}${note}\n`,
    );
  }
  if (histogram.untimed > 0) io.stdout(`  without a time: ${histogram.untimed}\n`);
}

/** Prints the report for a person: sources, counts, a bar chart and the records. */
export function printLogsReport(report: LogsReport, io: CliIo): void {
  for (const source of report.sources) {
    const problem = source.problem ? ` (${source.problem})` : '';
    io.stdout(
      `${source.name}: ${source.state}, ${source.format}, ${source.records} records${problem}\n`,
    );
  }
  const subject = report.query ? `matching ${JSON.stringify(report.query)}` : 'in all';
  io.stdout(`\n${report.matches} events ${subject}\n`);
  for (const warning of report.warnings) io.stdout(`warning: ${warning}\n`);

  printHistogram(report.histogram, io);

  if (report.records.length > 0) io.stdout(`\nNewest ${report.records.length}:\n`);
  for (const record of report.records) {
    const time = record.time ? record.time.slice(0, 19).replace('T', ' ') : '(no time)          ';
    io.stdout(
      `  ${time}  ${record.level.padEnd(7)} ${record.source}:${record.line}  ${record.message}\n`,
    );
  }
}
