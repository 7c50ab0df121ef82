import { format } from 'date-fns';
import { TZDate, tzOffset } from '@date-fns/tz';
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

/** How a histogram tick reads: with the year, and as a month for month-spaced ticks. */
export interface TickStyle {
  /** The chart spans more than one calendar year, so dates need their year. */
  withYear: boolean;
  /** Every tick of a day-bucket chart falls on the 1st: label the month, not the day. */
  monthly: boolean;
}

const PLAIN_TICKS: TickStyle = { withYear: false, monthly: false };

/**
 * The label of a histogram tick, fitting the bucket width.
 *
 * Within a day the clock time says enough; at local midnight the date is shown
 * instead so that a multi-day range stays readable.
 */
export function formatBucketTick(
  ms: number,
  bucket: BucketWidth,
  timeZone: string,
  style: TickStyle = PLAIN_TICKS,
): string {
  const date = inZone(ms, timeZone);
  if (bucket === 'day') {
    if (style.monthly) return format(date, style.withYear ? 'MMM yyyy' : 'd MMM');
    return format(date, style.withYear ? 'd MMM yyyy' : 'EEE d MMM');
  }
  if (date.getHours() === 0 && date.getMinutes() === 0) {
    return format(date, style.withYear ? 'd MMM yyyy' : 'd MMM');
  }
  return format(date, 'HH:mm');
}

/** The tick style for a chart of buckets starting at `starts`, labelled at `ticks`. */
export function tickStyle(
  starts: number[],
  ticks: number[],
  bucket: BucketWidth,
  timeZone: string,
): TickStyle {
  const year = (ms: number) => inZone(ms, timeZone).getFullYear();
  const withYear = starts.length > 0 && year(starts[0]) !== year(starts[starts.length - 1]);
  const monthly =
    bucket === 'day' &&
    ticks.length > 1 &&
    ticks.every((ms) => inZone(ms, timeZone).getDate() === 1);
  return { withYear, monthly };
}

const HOUR_MS = 3_600_000;

/** An offset in minutes as people write it: `UTC+2`, `UTC-3:30`. */
function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * A bucket's whole span in words, for the tooltip and the accessible table.
 *
 * Near a daylight saving change a local hour can happen twice; there the span
 * names its UTC offset, and its end is written in the start's offset so that
 * the first 02:00 bucket of a fall-back night reads 02:00–03:00 (UTC+2).
 */
export function formatBucketSpan(
  start: number,
  end: number,
  bucket: BucketWidth,
  timeZone: string,
): string {
  const from = inZone(start, timeZone);
  if (bucket === 'day') return format(from, 'EEE d MMM yyyy');

  const offset = tzOffset(timeZone, new Date(start));
  const offsetChanges = [start - HOUR_MS, end, end + HOUR_MS].some(
    (ms) => tzOffset(timeZone, new Date(ms)) !== offset,
  );
  const to = format(inZone(end + offset * 60_000, 'UTC'), 'HH:mm');
  const span = `${format(from, 'EEE d MMM yyyy, HH:mm')}–${to}`;
  return offsetChanges ? `${span} (${offsetLabel(offset)})` : span;
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
