import type { Environment } from '../../shared/environments';
import type { PullRequest } from '../../shared/ipc/channels/logpull';
import { OpsdeskError } from '../../shared/result';
import type { AwsClients } from '../aws';

/** Refuses log groups the environment's profile does not list: Opsdesk touches nothing else. */
export function refuseUnlisted(environment: Environment, logGroups: readonly string[]): void {
  const unlisted = logGroups.filter((group) => !environment.logGroups.includes(group));
  if (unlisted.length === 0) return;
  throw new OpsdeskError(
    'invalid-request',
    `The environment "${environment.name}" does not list the log group ${unlisted.join(', ')}; ` +
      'only the groups its profile names can be pulled.',
  );
}

/** Resolves stream prefixes to stream names per group; FilterLogEvents takes names. */
export async function streamsWithPrefixes(
  clients: AwsClients,
  request: PullRequest,
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (request.streamPrefixes.length === 0) return names;
  for (const logGroup of request.logGroups) {
    const streams = await clients.logs.describeLogStreams(logGroup);
    const matching = streams
      .map((stream) => stream.logStreamName ?? '')
      .filter((name) => request.streamPrefixes.some((prefix) => name.startsWith(prefix)));
    if (matching.length === 0) {
      throw new OpsdeskError(
        'invalid-request',
        `No stream of ${logGroup} starts with ${request.streamPrefixes.join(' or ')}.`,
      );
    }
    // TODO: FilterLogEvents takes at most 100 stream names; more matching streams are cut off.
    names.set(logGroup, matching.slice(0, 100));
  }
  return names;
}
