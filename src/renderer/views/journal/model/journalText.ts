import type { JournalEntry } from '../../../../shared/workflows';
import { shortDateTime } from '../../../format/dateTime';

/** One `name=value` pair of an entry's parameters or outputs, as the table shows it. */
export interface JournalValue {
  name: string;
  value: string;
}

// Names of the form `approvedAt`, `startedAt`, `time`, `timestamp` hold times.
const TIME_NAME = /(?:[a-z]At|^at|^time|^timestamp|Time)$/;
// Epoch milliseconds between 1973 and 5138: a smaller number is seconds or a count.
const EPOCH_MS = { min: 1e11, max: 1e14 };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isTimeLike(name: string, value: unknown): value is number | string {
  if (typeof value === 'string') return ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
  return (
    TIME_NAME.test(name) &&
    typeof value === 'number' &&
    value >= EPOCH_MS.min &&
    value < EPOCH_MS.max
  );
}

function valueText(name: string, value: unknown, now: number, timeZone?: string): string {
  if (isTimeLike(name, value)) return shortDateTime(value, now, { timeZone, seconds: true });
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * An entry's parameters, then its outputs, each as text; times (epoch ms
 * under a time-like name, or ISO 8601) read as dates the way the app writes
 * them. Empty outputs are left out.
 */
export function journalValues(entry: JournalEntry, now: number, timeZone?: string): JournalValue[] {
  const outputs = Object.entries(entry.outputs ?? {}).filter(
    ([, value]) => value !== null && value !== undefined,
  );
  return [...Object.entries(entry.parameters ?? {}), ...outputs].map(([name, value]) => ({
    name,
    value: valueText(name, value, now, timeZone),
  }));
}
