import type { LogLevel } from '../shared/logs';

/** Level words as logging libraries spell them, lower-cased, mapped to LogLevel. */
const LEVEL_WORDS = new Map<string, LogLevel>([
  ['trace', 'trace'],
  ['trc', 'trace'],
  ['finest', 'trace'],
  ['finer', 'trace'],
  ['debug', 'debug'],
  ['dbg', 'debug'],
  ['debug1', 'debug'],
  ['debug2', 'debug'],
  ['debug3', 'debug'],
  ['debug4', 'debug'],
  ['debug5', 'debug'],
  ['fine', 'debug'],
  ['verbose', 'debug'],
  ['info', 'info'],
  ['inf', 'info'],
  ['information', 'info'],
  ['informational', 'info'],
  ['notice', 'info'],
  ['warn', 'warn'],
  ['warning', 'warn'],
  ['wrn', 'warn'],
  ['error', 'error'],
  ['err', 'error'],
  ['eror', 'error'],
  ['severe', 'error'],
  ['fatal', 'fatal'],
  ['ftl', 'fatal'],
  ['critical', 'fatal'],
  ['crit', 'fatal'],
  ['panic', 'fatal'],
  ['alert', 'fatal'],
  ['emerg', 'fatal'],
  ['emergency', 'fatal'],
]);

/** Longest word in LEVEL_WORDS; longer tokens are rejected without a lookup. */
const LONGEST_LEVEL_WORD = 13;

/** Maps a level word in any case (`WARN`, `Warning`, `err`) to a LogLevel, or undefined. */
export function levelFromName(word: string): LogLevel | undefined {
  if (word.length === 0 || word.length > LONGEST_LEVEL_WORD) return undefined;
  return LEVEL_WORDS.get(word) ?? LEVEL_WORDS.get(word.toLowerCase());
}

/**
 * Maps a numeric level to a LogLevel.
 *
 * Numbers from 10 up follow bunyan and pino (10 trace ... 60 fatal); 0-7 are
 * syslog severities (0 emergency ... 7 debug), as some JSON loggers write.
 */
export function levelFromNumber(value: number): LogLevel {
  if (!Number.isFinite(value)) return 'unknown';
  if (value >= 10) {
    if (value < 20) return 'trace';
    if (value < 30) return 'debug';
    if (value < 40) return 'info';
    if (value < 50) return 'warn';
    if (value < 60) return 'error';
    return 'fatal';
  }
  if (value < 0) return 'unknown';
  if (value <= 2) return 'fatal';
  if (value === 3) return 'error';
  if (value === 4) return 'warn';
  if (value <= 6) return 'info';
  return 'debug';
}

/** Maps a JSON level value (a word, a number or a numeric string) to a LogLevel. */
export function levelFromValue(value: unknown): LogLevel | undefined {
  if (typeof value === 'number') return levelFromNumber(value);
  if (typeof value !== 'string') return undefined;
  const named = levelFromName(value);
  if (named) return named;
  const code = value.charCodeAt(0);
  if (code >= 48 && code <= 57 && value.length <= 3) return levelFromNumber(Number(value));
  return undefined;
}
