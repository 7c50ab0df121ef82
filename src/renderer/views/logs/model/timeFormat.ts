import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { BucketWidth } from '../../../../shared/logs';

/** The user's IANA time zone, e.g. `Europe/Berlin`: histograms bucket in it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function inZone(ms: number, timeZone: string): TZDate {
  return new TZDate(ms, timeZone);
}

/** An event's time as shown in the results: local date and time with milliseconds. */
export function formatEventTime(ms: number | null, timeZone: string): string {
  if (ms === null) return 'no time';
  return format(inZone(ms, timeZone), 'yyyy-MM-dd HH:mm:ss.SSS');
}

/**
 * The label of a histogram tick, fitting the bucket width.
 *
 * Within a day the clock time says enough; at local midnight the date is shown
 * instead so that a multi-day range stays readable.
 */
export function formatBucketTick(ms: number, bucket: BucketWidth, timeZone: string): string {
  const date = inZone(ms, timeZone);
  if (bucket === 'day') return format(date, 'EEE d MMM');
  if (date.getHours() === 0 && date.getMinutes() === 0) return format(date, 'd MMM');
  return format(date, 'HH:mm');
}

/** A bucket's whole span in words, for the tooltip and the accessible table. */
export function formatBucketSpan(
  start: number,
  end: number,
  bucket: BucketWidth,
  timeZone: string,
): string {
  const from = inZone(start, timeZone);
  if (bucket === 'day') return format(from, 'EEE d MMM yyyy');
  return `${format(from, 'EEE d MMM yyyy, HH:mm')}–${format(inZone(end, timeZone), 'HH:mm')}`;
}

/** Formats epoch ms as the value of a `datetime-local` input, in the given zone. */
export function toDateTimeLocal(ms: number, timeZone: string): string {
  return format(inZone(ms, timeZone), "yyyy-MM-dd'T'HH:mm");
}

const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads the value of a `datetime-local` input as a wall-clock time in the
 * given zone; undefined when the input is empty or incomplete.
 */
export function fromDateTimeLocal(value: string, timeZone: string): number | undefined {
  const match = DATE_TIME_LOCAL.exec(value);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  return new TZDate(year, month - 1, day, hours, minutes, seconds, timeZone).getTime();
}
