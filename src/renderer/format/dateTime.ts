/** How much of a time to show: minutes by default, seconds where order within a minute matters. */
export interface DateTimeOptions {
  /** The zone to show the time in; the user's own when left out. */
  timeZone?: string;
  seconds?: boolean;
}

/**
 * A time as the app shows dates, a short local date and time, `3 Dec, 14:05`,
 * with the year when it is not this year's. Takes epoch ms or ISO 8601.
 */
export function shortDateTime(
  time: string | number | null,
  now: number,
  { timeZone, seconds = false }: DateTimeOptions = {},
): string {
  if (time === null) return '—';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '—';

  const year = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone });
  const sameYear = year.format(date) === year.format(now);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}
