import { describe, expect, it } from 'vitest';
import { readTimestamp, timestampEnd } from './readTimestamp';
import { epochFromNumber, timeFromValue } from './timeFromValue';

describe('ISO 8601 and its relatives', () => {
  it.each([
    ['2024-04-25T05:32:35.584725130Z', Date.UTC(2024, 3, 25, 5, 32, 35, 584)],
    ['2023-12-15T14:48:34.955+08:00', Date.UTC(2023, 11, 15, 6, 48, 34, 955)],
    ['2019-01-10T10:46:46,679+0100', Date.UTC(2019, 0, 10, 9, 46, 46, 679)],
    ['2020-06-09T12:10:39-07', Date.UTC(2020, 5, 9, 19, 10, 39)],
    ['2025-09-26 21:12:39,384', Date.UTC(2025, 8, 26, 21, 12, 39, 384)],
    ['2021-07-28T06:15:05.879000', Date.UTC(2021, 6, 28, 6, 15, 5, 879)],
    ['2024/04/25 05:32', Date.UTC(2024, 3, 25, 5, 32)],
    ['[2024-05-06 07:08:09]', Date.UTC(2024, 4, 6, 7, 8, 9)],
  ])('reads %s', (text, expected) => {
    expect(readTimestamp(text, 0)).toBe(expected);
    expect(timestampEnd()).toBe(text.length);
  });

  it('reads from an offset and stops at the end of the timestamp', () => {
    expect(readTimestamp('x 2024-01-01T00:00:00Z rest', 2)).toBe(Date.UTC(2024, 0, 1));
    expect(timestampEnd()).toBe(22);
  });
});

describe('zone abbreviations', () => {
  it.each([
    ['UTC', 0],
    ['GMT', 0],
    ['WET', 0],
    ['WEST', 60],
    ['CET', 60],
    ['CEST', 120],
    ['EET', 120],
    ['EEST', 180],
    ['IST', 330],
    ['JST', 540],
    ['EST', -300],
    ['EDT', -240],
    ['CST', -360],
    ['CDT', -300],
    ['MST', -420],
    ['MDT', -360],
    ['PST', -480],
    ['PDT', -420],
  ])('shifts a time followed by %s by its offset', (zone, offsetMinutes) => {
    const text = `2024-03-01 12:00:00 ${zone}:rest`;
    expect(readTimestamp(text, 0)).toBe(Date.UTC(2024, 2, 1, 12, 0) - offsetMinutes * 60_000);
    expect(text.slice(timestampEnd())).toBe(':rest');
  });

  it('leaves a time followed by another capitalised word in UTC', () => {
    expect(readTimestamp('2024-03-01 12:00:00 INFO started', 0)).toBe(Date.UTC(2024, 2, 1, 12));
    expect(timestampEnd()).toBe(19);
  });
});

describe('other shapes', () => {
  it('reads common log format with its offset', () => {
    expect(readTimestamp('22/Jan/2019:03:56:14 +0330', 0)).toBe(Date.UTC(2019, 0, 22, 0, 26, 14));
  });

  it('reads day month year (Redis)', () => {
    expect(readTimestamp('25 Apr 2024 05:32:35.018 *', 0)).toBe(
      Date.UTC(2024, 3, 25, 5, 32, 35, 18),
    );
  });

  it('reads syslog dates in the latest year that is not in the future', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(readTimestamp('Jan  9 23:00:00 host', 0, now)).toBe(Date.UTC(2026, 0, 9, 23));
    expect(readTimestamp('Dec 31 23:00:00 host', 0, now)).toBe(Date.UTC(2025, 11, 31, 23));
    expect(readTimestamp('févr. 3 01:02:03 host', 0, now)).toBe(Date.UTC(2025, 1, 3, 1, 2, 3));
    expect(readTimestamp('Okt 3 01:02:03 host', 0, now)).toBe(Date.UTC(2025, 9, 3, 1, 2, 3));
  });

  it('refuses what is not a timestamp', () => {
    for (const text of [
      'hello world',
      '198.18.0.2 - -',
      '2024-13-01 00:00:00',
      '2024-01-01',
      '',
      'Mar 1',
    ]) {
      expect(readTimestamp(text, 0, 0), text).toBeNaN();
    }
  });
});

describe('JSON time values', () => {
  it('tells epoch units apart by size', () => {
    expect(epochFromNumber(1761019822.3152757)).toBe(1761019822315);
    expect(epochFromNumber(1745532517537)).toBe(1745532517537);
    expect(epochFromNumber(1745532517537123)).toBe(1745532517537);
    expect(epochFromNumber(1745532517537123e3)).toBe(1745532517537);
  });

  it('reads timestamp strings and numeric strings', () => {
    expect(timeFromValue('2023-03-24T14:26:16.243Z')).toBe(Date.UTC(2023, 2, 24, 14, 26, 16, 243));
    expect(timeFromValue('1745532517537')).toBe(1745532517537);
    expect(timeFromValue('soon')).toBeUndefined();
    expect(timeFromValue(true)).toBeUndefined();
  });
});
