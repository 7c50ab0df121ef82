import type { RangeRequest } from '../../shared/ipc/channels/logpull';
import type { LogsOperations } from '../aws/logs';

/**
 * Estimates the bytes a range holds: each group's stored bytes times the
 * share of the group's time span (its streams' first to last event) the
 * range covers. Events are assumed spread evenly; a filter pattern is
 * ignored, so the estimate is an upper bound.
 */
export async function estimateRange(logs: LogsOperations, request: RangeRequest): Promise<number> {
  let total = 0;
  for (const logGroup of request.logGroups) {
    const [group] = (await logs.describeLogGroups(logGroup)).filter(
      (candidate) => candidate.logGroupName === logGroup,
    );
    const storedBytes = group?.storedBytes ?? 0;
    if (storedBytes === 0) continue;

    const streams = await logs.describeLogStreams(logGroup);
    const firsts = streams.flatMap((stream) => stream.firstEventTimestamp ?? []);
    const lasts = streams.flatMap((stream) => stream.lastEventTimestamp ?? []);
    if (firsts.length === 0 || lasts.length === 0) {
      total += storedBytes;
      continue;
    }
    const spanFrom = Math.min(...firsts);
    const spanTo = Math.max(...lasts) + 1;
    const overlap = Math.max(0, Math.min(spanTo, request.to) - Math.max(spanFrom, request.from));
    total += Math.round(storedBytes * (overlap / Math.max(1, spanTo - spanFrom)));
  }
  return total;
}
