/**
 * Keys of the log index sources a pull fills: `<environment>:<log group>:<filter pattern>`.
 * A live tail's key, `<environment>:<log group>:<stream>:live`, shares the
 * start but is the tail's own.
 */

const LIVE_SUFFIX = ':live';

/** The source key of a log group pulled with a filter pattern (none: empty) in an environment. */
export function pulledSourceKey(
  environment: string,
  logGroup: string,
  filterPattern: string | undefined,
): string {
  return `${environment}:${logGroup}:${filterPattern ?? ''}`;
}

/** What the Sources list calls a pulled group: the group, with its filter pattern if any. */
export function pulledSourceName(logGroup: string, filterPattern: string | undefined): string {
  return filterPattern ? `${logGroup} (${filterPattern})` : logGroup;
}

/**
 * Whether a source key names a group pulled in `environment`, not a live
 * tail. Log group names hold no `:`, so the group ends at the next one.
 */
export function isPulledSourceKey(sourceKey: string, environment: string): boolean {
  return isEnvironmentSourceKey(sourceKey, environment) && !sourceKey.endsWith(LIVE_SUFFIX);
}

/** The source key of a live tail of one stream in an environment. */
export function liveSourceKey(environment: string, logGroup: string, logStream: string): string {
  return `${environment}:${logGroup}:${logStream}${LIVE_SUFFIX}`;
}

/** Whether a source key names a group pulled or a stream followed live in `environment`. */
export function isEnvironmentSourceKey(sourceKey: string, environment: string): boolean {
  if (!sourceKey.startsWith(`${environment}:`)) return false;
  const groupEnd = sourceKey.indexOf(':', environment.length + 1);
  return groupEnd > environment.length + 1;
}
