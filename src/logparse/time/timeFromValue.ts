import { readTimestamp } from './readTimestamp';

/**
 * Epoch milliseconds from an epoch number whose unit is told by its size:
 * seconds (often fractional, e.g. Caddy's `ts`), milliseconds, microseconds
 * or nanoseconds. Sub-millisecond parts are dropped.
 */
export function epochFromNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  if (value < 1e11) return Math.floor(value * 1000);
  if (value < 1e14) return Math.floor(value);
  if (value < 1e17) return Math.floor(value / 1000);
  return Math.floor(value / 1e6);
}

/** Epoch milliseconds from a JSON time value: an epoch number or a timestamp string. */
export function timeFromValue(value: unknown): number | undefined {
  if (typeof value === 'number') return epochFromNumber(value);
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const parsed = readTimestamp(value, 0);
  if (!Number.isNaN(parsed)) return parsed;
  const numeric = Number(value);
  return Number.isNaN(numeric) ? undefined : epochFromNumber(numeric);
}
