import { epochMs, monthFromName, zoneOffset } from './calendar';

/**
 * Reads the timestamp shapes logs start with, by hand rather than by regex,
 * because it runs on every line:
 *
 * - ISO 8601 and its relatives: `2024-04-25T05:32:35.584725130Z`,
 *   `2019-01-10T10:46:46,679+0100`, `2025-09-26 21:12:39,384`,
 *   `2017-07-31 13:36:42.585 CEST`, `2024/04/25 05:32:35`;
 * - common log format: `25/Oct/2016:14:49:33 +0200`;
 * - day month year: `25 Apr 2024 05:32:35.018` (Redis);
 * - syslog without a year: `Aug 19 11:08:37`, `août 19 11:08:37`;
 * - any of these inside square brackets.
 *
 * A time without zone is UTC unless a known zone abbreviation follows it.
 * Fractions finer than a millisecond are truncated.
 */

let scanEnd = 0;
let clockPos = 0;

const MS_PER_DAY = 86_400_000;

/** Position just after the timestamp the last successful readTimestamp call read. */
export function timestampEnd(): number {
  return scanEnd;
}

/**
 * Reads a timestamp starting exactly at `start` and returns epoch ms UTC, or
 * NaN when none starts there. `now` (epoch ms) places syslog times, which
 * carry no year, in the latest year that is not in the future.
 */
export function readTimestamp(text: string, start = 0, now?: number): number {
  const first = text.charCodeAt(start);
  if (first === 91) {
    const inner = readTimestamp(text, start + 1, now);
    if (!Number.isNaN(inner) && text.charCodeAt(scanEnd) === 93) scanEnd += 1;
    return inner;
  }
  if (isDigit(first)) {
    const fifth = text.charCodeAt(start + 4);
    if ((fifth === 45 || fifth === 47) && isDigit(text.charCodeAt(start + 3))) {
      return readIsoLike(text, start);
    }
    if (text.charCodeAt(start + 2) === 47) return readCommonLogFormat(text, start);
    return readDayMonthYear(text, start);
  }
  if (isLetter(first)) return readSyslog(text, start, now);
  return NaN;
}

function readIsoLike(text: string, start: number): number {
  const year = digits(text, start, 4);
  const separator = text.charCodeAt(start + 4);
  const month = digits(text, start + 5, 2);
  if (text.charCodeAt(start + 7) !== separator) return NaN;
  const day = digits(text, start + 8, 2);
  const between = text.charCodeAt(start + 10);
  // 'T', 't', space or '_' between date and time.
  if (between !== 84 && between !== 116 && between !== 32 && between !== 95) return NaN;
  const millisOfDay = readClock(text, start + 11);
  if (millisOfDay < 0 || !validDate(year, month, day)) return NaN;
  return finish(text, clockPos, year, month, day, millisOfDay);
}

function readCommonLogFormat(text: string, start: number): number {
  const day = digits(text, start, 2);
  const slash = text.indexOf('/', start + 3);
  if (slash < 0 || slash > start + 8) return NaN;
  const month = monthFromName(text.slice(start + 3, slash));
  const year = digits(text, slash + 1, 4);
  if (text.charCodeAt(slash + 5) !== 58) return NaN;
  const millisOfDay = readClock(text, slash + 6);
  if (millisOfDay < 0 || !validDate(year, month, day)) return NaN;
  return finish(text, clockPos, year, month, day, millisOfDay);
}

function readDayMonthYear(text: string, start: number): number {
  const twoDigitDay = isDigit(text.charCodeAt(start + 1));
  const day = digits(text, start, twoDigitDay ? 2 : 1);
  let pos = start + (twoDigitDay ? 2 : 1);
  if (text.charCodeAt(pos) !== 32) return NaN;
  const monthEnd = text.indexOf(' ', pos + 1);
  if (monthEnd < 0 || monthEnd > pos + 11) return NaN;
  const month = monthFromName(text.slice(pos + 1, monthEnd));
  pos = monthEnd + 1;
  const year = digits(text, pos, 4);
  if (text.charCodeAt(pos + 4) !== 32) return NaN;
  const millisOfDay = readClock(text, pos + 5);
  if (millisOfDay < 0 || !validDate(year, month, day)) return NaN;
  return finish(text, clockPos, year, month, day, millisOfDay);
}

function readSyslog(text: string, start: number, now: number | undefined): number {
  let pos = start;
  while (pos - start <= 10 && isLetter(text.charCodeAt(pos))) pos += 1;
  if (text.charCodeAt(pos) === 46) pos += 1;
  const month = monthFromName(text.slice(start, pos));
  if (month === 0 || text.charCodeAt(pos) !== 32) return NaN;
  while (text.charCodeAt(pos) === 32) pos += 1;
  const twoDigitDay = isDigit(text.charCodeAt(pos + 1));
  const day = digits(text, pos, twoDigitDay ? 2 : 1);
  pos += twoDigitDay ? 2 : 1;
  if (text.charCodeAt(pos) !== 32) return NaN;
  const millisOfDay = readClock(text, pos + 1);
  if (millisOfDay < 0 || day < 1 || day > 31) return NaN;

  const reference = now ?? Date.now();
  const year = new Date(reference).getUTCFullYear();
  const thisYear = finish(text, clockPos, year, month, day, millisOfDay);
  // A time more than a day ahead of now was written last year.
  if (thisYear <= reference + MS_PER_DAY) return thisYear;
  return finish(text, clockPos, year - 1, month, day, millisOfDay);
}

/** Reads `HH:MM[:SS][.fraction]`; returns ms of the day or -1, and sets clockPos. */
function readClock(text: string, start: number): number {
  const hour = digits(text, start, 2);
  const minute = digits(text, start + 3, 2);
  if (text.charCodeAt(start + 2) !== 58 || hour < 0 || hour > 24 || minute < 0 || minute > 59) {
    return -1;
  }
  let pos = start + 5;
  let second = 0;
  if (text.charCodeAt(pos) === 58) {
    second = digits(text, pos + 1, 2);
    if (second < 0 || second > 60) return -1;
    pos += 3;
  }
  let millis = 0;
  const mark = text.charCodeAt(pos);
  if ((mark === 46 || mark === 44) && isDigit(text.charCodeAt(pos + 1))) {
    pos += 1;
    let scale = 100;
    while (isDigit(text.charCodeAt(pos))) {
      if (scale >= 1) millis += (text.charCodeAt(pos) - 48) * scale;
      scale /= 10;
      pos += 1;
    }
  }
  clockPos = pos;
  return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** Reads an optional zone at `pos`, sets scanEnd and returns the epoch ms. */
function finish(
  text: string,
  pos: number,
  year: number,
  month: number,
  day: number,
  millisOfDay: number,
): number {
  let offset = 0;
  let end = pos;
  const mark = text.charCodeAt(pos);
  if (mark === 90 || mark === 122) {
    end = pos + 1;
  } else if (mark === 43 || mark === 45) {
    const numeric = readNumericOffset(text, pos);
    if (!Number.isNaN(numeric)) {
      offset = numeric;
      end = clockPos;
    }
  } else if (mark === 32) {
    const next = text.charCodeAt(pos + 1);
    if (next === 43 || next === 45) {
      const numeric = readNumericOffset(text, pos + 1);
      if (!Number.isNaN(numeric)) {
        offset = numeric;
        end = clockPos;
      }
    } else if (next >= 65 && next <= 90) {
      let wordEnd = pos + 1;
      while (wordEnd - pos <= 5 && isUpper(text.charCodeAt(wordEnd))) wordEnd += 1;
      const zone = isLetter(text.charCodeAt(wordEnd))
        ? undefined
        : zoneOffset(text.slice(pos + 1, wordEnd));
      if (zone !== undefined) {
        offset = zone;
        end = wordEnd;
      }
    }
  }
  scanEnd = end;
  return epochMs(year, month, day, 0, 0, 0, millisOfDay, offset);
}

/** Reads `+HH`, `+HHMM` or `+HH:MM`; returns minutes east of UTC or NaN, and sets clockPos. */
function readNumericOffset(text: string, pos: number): number {
  const sign = text.charCodeAt(pos) === 45 ? -1 : 1;
  const hours = digits(text, pos + 1, 2);
  if (hours < 0 || hours > 14) return NaN;
  let end = pos + 3;
  if (text.charCodeAt(end) === 58) end += 1;
  const minutes = digits(text, end, 2);
  if (minutes >= 0 && minutes < 60) {
    end += 2;
  } else if (end !== pos + 3) {
    return NaN;
  }
  clockPos = end;
  return sign * (hours * 60 + Math.max(minutes, 0));
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i += 1) {
    // charCodeAt past the end gives NaN, which must fail too.
    const digit = text.charCodeAt(start + i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1970 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** ASCII letters and the Latin-1/Latin Extended letters of month names like `août`. */
function isLetter(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f)
  );
}
