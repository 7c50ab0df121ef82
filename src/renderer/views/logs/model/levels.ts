import { LOG_LEVELS, type LogLevel } from '../../../../shared/logs';

/** Fixed colour per level, shared by badges and histogram bars so they read alike. */
export const LEVEL_COLOURS: Record<LogLevel, string> = {
  fatal: '#9f1239',
  error: '#dc2626',
  warn: '#d97706',
  info: '#2563eb',
  debug: '#6b7280',
  trace: '#9ca3af',
  unknown: '#64748b',
};

/**
 * Levels from the bottom of a histogram stack to its top: the severe ones sit
 * on the axis, where a spike of errors is seen first.
 */
export const STACK_ORDER: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'unknown',
];

/** Every level, least severe first, for tables. */
export const LEVELS: readonly LogLevel[] = LOG_LEVELS;
