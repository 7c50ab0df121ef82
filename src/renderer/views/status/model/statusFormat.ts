/** How long ago `then` was, as the header and tables say it: `12 s ago`, `5 min ago`. */
export function timeAgo(then: string | number, now: number): string {
  const seconds = Math.max(0, Math.round((now - new Date(then).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** Bytes in the unit a person reads: `52.4 MB`. */
export function byteSize(bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** An ECS or RDS state word as a sentence word: `IN_PROGRESS` → `in progress`. */
export function stateWord(state: string | null): string {
  return (state ?? 'unknown').toLowerCase().replace(/_/g, ' ');
}
