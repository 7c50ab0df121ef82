import { readTimestamp } from './time/readTimestamp';

/**
 * Lines that can only continue an event: indented lines, Java frames and
 * causes, Python tracebacks, elided frames.
 */
const CONTINUATION =
  /^(?:[ \t]|at |Caused by:|Suppressed:|Traceback \(|File "|\.\.\. \d+ (?:more|common)|During handling of )/;

/** Whether a line reads as the continuation of an event (a stack frame, an indented line). */
export function looksLikeContinuation(line: string): boolean {
  if (line.length === 0) return false;
  const first = line.charCodeAt(0);
  // 32 space, 9 tab, 97 'a', 67 'C', 83 'S', 84 'T', 70 'F', 46 '.', 68 'D'
  if (
    first !== 32 &&
    first !== 9 &&
    first !== 97 &&
    first !== 67 &&
    first !== 83 &&
    first !== 84 &&
    first !== 70 &&
    first !== 46 &&
    first !== 68
  ) {
    return false;
  }
  return CONTINUATION.test(line);
}

/**
 * Whether a line starts with a timestamp of its own, which marks it as a new
 * event in formats where anything else continues the previous one.
 */
export function startsWithTimestamp(line: string): boolean {
  return !Number.isNaN(readTimestamp(line, 0, 0));
}

/**
 * The continuation rule of timestamped text formats (application lines,
 * Lambda, postgres): a line joins the open event unless it starts with a
 * timestamp of its own. Events that have no time themselves only take lines
 * that look like continuations, so a file without timestamps is not glued
 * into one event.
 */
export function continuesTimestamped(line: string, openHasTime: boolean): boolean {
  if (line.length === 0) return openHasTime;
  if (!openHasTime) return looksLikeContinuation(line);
  return !startsWithTimestamp(line);
}
