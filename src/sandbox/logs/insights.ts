import { AwsError } from '../errors';
import { GroupScan, scanStart } from './scan';
import type { LogEvent, LogGroup } from './store';

/** One cell of a Logs Insights result row, in the wire shape of GetQueryResults. */
export interface ResultField {
  field: string;
  value: string;
}

/** A started Logs Insights query; it reports Running for a while, as real queries take time. */
export interface InsightsQuery {
  queryId: string;
  status: 'Running' | 'Complete' | 'Cancelled';
  results: ResultField[][];
  statistics: { recordsMatched: number; recordsScanned: number; bytesScanned: number };
}

type Command =
  | { kind: 'fields'; names: string[] }
  | { kind: 'filter'; field: string; pattern: RegExp; negate: boolean }
  | { kind: 'stats'; label: string; binMs?: number; binLabel?: string; byField?: string }
  | { kind: 'sort'; descending: boolean }
  | { kind: 'limit'; count: number };

/** The error Logs Insights answers to a query it cannot parse. */
function malformed(detail: string): AwsError {
  return new AwsError('MalformedQueryException', `Query is malformed: ${detail}`);
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Splits a query at pipes that are outside regular expressions and quotes. */
function splitCommands(query: string): string[] {
  const commands: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '/' || char === '"' || char === "'") {
      quote = char;
    } else if (char === '|') {
      commands.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  commands.push(current.trim());
  return commands.filter((command) => command !== '');
}

function parseCommand(text: string): Command {
  const [, keyword, rest = ''] = /^(\w+)\s*([\s\S]*)$/.exec(text) ?? [];
  switch (keyword) {
    case 'fields':
      return {
        kind: 'fields',
        names: rest
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      };
    case 'filter': {
      const match = /^(@?\w+)\s+(not\s+)?like\s+(?:\/(.*)\/(\w*)|["'](.*)["'])$/.exec(rest.trim());
      if (!match) throw malformed(`unsupported filter "${rest}"`);
      const pattern =
        match[3] !== undefined
          ? new RegExp(match[3], match[4])
          : new RegExp(match[5].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return { kind: 'filter', field: match[1], pattern, negate: Boolean(match[2]) };
    }
    case 'stats': {
      const match =
        /^(count\(\*?\))(?:\s+as\s+(\w+))?(?:\s+by\s+(?:(bin\((\d+)([smhd])\))|(@?\w+)))?$/.exec(
          rest.trim(),
        );
      if (!match) throw malformed(`unsupported stats "${rest}"`);
      return {
        kind: 'stats',
        label: match[2] ?? match[1],
        binLabel: match[3],
        binMs: match[3] ? Number(match[4]) * UNIT_MS[match[5]] : undefined,
        byField: match[6],
      };
    }
    case 'sort': {
      const match = /^@timestamp(?:\s+(asc|desc))?$/.exec(rest.trim());
      if (!match) throw malformed(`unsupported sort "${rest}"`);
      return { kind: 'sort', descending: match[1] !== 'asc' };
    }
    case 'limit': {
      const count = Number(rest.trim());
      if (!Number.isInteger(count) || count < 1 || count > 10_000)
        throw malformed('limit out of range');
      return { kind: 'limit', count };
    }
    default:
      throw malformed(`unknown command "${keyword ?? text}"`);
  }
}

/** Formats a time as Logs Insights shows it: `2026-12-03 12:51:40.123`, UTC. */
export function insightsTime(timestamp: number): string {
  return new Date(timestamp).toISOString().replace('T', ' ').replace('Z', '');
}

function fieldOf(event: LogEvent, group: LogGroup, accountId: string, name: string): string {
  switch (name) {
    case '@timestamp':
      return insightsTime(event.timestamp);
    case '@message':
      return event.message;
    case '@logStream':
      return event.logStreamName;
    case '@log':
      return `${accountId}:${group.name}`;
    case '@ingestionTime':
      return insightsTime(event.ingestionTime);
    default:
      return '';
  }
}

/**
 * Runs a minimal Logs Insights query over groups: `fields`, `filter … like`,
 * `stats count(*) by bin(5m)`, `sort @timestamp`, `limit`. Times are epoch seconds.
 */
export function runInsightsQuery(
  groups: LogGroup[],
  request: { queryString: string; startTime: number; endTime: number; limit?: number },
  accountId: string,
  now: number,
): Pick<InsightsQuery, 'results' | 'statistics'> {
  const commands = splitCommands(request.queryString).map(parseCommand);
  if (commands.length === 0) throw malformed('empty query');
  const filters = commands.filter((command) => command.kind === 'filter');
  const stats = commands.find((command) => command.kind === 'stats');
  const fields = commands.find((command) => command.kind === 'fields')?.names ?? [
    '@timestamp',
    '@message',
  ];
  const descending = commands.find((command) => command.kind === 'sort')?.descending ?? true;
  const limit =
    commands.find((command) => command.kind === 'limit')?.count ?? request.limit ?? 1000;

  const statistics = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };
  const matched: { event: LogEvent; group: LogGroup }[] = [];
  const counts = new Map<string, { sortKey: number | string; count: number }>();

  for (const group of groups) {
    const scan = new GroupScan(
      group,
      scanStart(group, request.startTime * 1000, now),
      request.endTime * 1000 + 999,
      now,
    );
    for (let event = scan.next(); event; event = scan.next()) {
      statistics.recordsScanned++;
      statistics.bytesScanned += Buffer.byteLength(event.message);
      const passes = filters.every(
        (filter) =>
          filter.pattern.test(fieldOf(event!, group, accountId, filter.field)) !== filter.negate,
      );
      if (!passes) continue;
      statistics.recordsMatched++;
      if (!stats) {
        matched.push({ event, group });
        continue;
      }
      const key = stats.binMs
        ? Math.floor(event.timestamp / stats.binMs) * stats.binMs
        : stats.byField
          ? fieldOf(event, group, accountId, stats.byField)
          : 'all';
      const bucket = counts.get(String(key)) ?? { sortKey: key, count: 0 };
      bucket.count++;
      counts.set(String(key), bucket);
    }
  }

  if (stats) {
    const byLabel = stats.binLabel ?? stats.byField;
    const rows = [...counts.values()]
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1))
      .slice(0, limit)
      .map(({ sortKey, count }) => {
        const by = typeof sortKey === 'number' ? insightsTime(sortKey) : sortKey;
        const countField = { field: stats.label, value: String(count) };
        return byLabel ? [{ field: byLabel, value: by }, countField] : [countField];
      });
    return { results: rows, statistics };
  }

  matched.sort((a, b) =>
    descending ? b.event.timestamp - a.event.timestamp : a.event.timestamp - b.event.timestamp,
  );
  const results = matched
    .slice(0, limit)
    .map(({ event, group }) => [
      ...fields.map((name) => ({ field: name, value: fieldOf(event, group, accountId, name) })),
      { field: '@ptr', value: Buffer.from(`${group.name}|${event.eventId}`).toString('base64') },
    ]);
  return { results, statistics };
}
