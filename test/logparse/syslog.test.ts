import { describe, expect, it } from 'vitest';
import { createAssembler } from '../../src/logparse';
import { parseFixture, TEST_NOW } from './fixtureLog';

describe('syslog written under a French locale (syslog-fr-locale.log)', () => {
  const { format, events } = parseFixture('nonascii/syslog-fr-locale.log');

  it('reads "août" as August of the current year', () => {
    expect(format).toBe('syslog');
    expect(events).toHaveLength(1);
    expect(events[0].time).toBe(Date.UTC(2026, 7, 19, 11, 8, 37));
  });

  it('splits host, program, pid and message', () => {
    expect(events[0].fields).toEqual({ host: 'nlaptop', program: 'symphorien', pid: 4961 });
    expect(events[0].message).toBe('test');
  });
});

describe('syslog dates without a year', () => {
  const parseOne = (line: string, now: number) => {
    const assembler = createAssembler('syslog', { now });
    return [...assembler.push(line), ...assembler.end()];
  };

  it('puts a date later in the year than now into the previous year', () => {
    const [event] = parseOne('Dec 24 10:00:00 host app[1]: late', Date.UTC(2026, 2, 1));
    expect(event.time).toBe(Date.UTC(2025, 11, 24, 10, 0, 0));
  });

  it('keeps a line whose month is not recognised, without a time', () => {
    const [event] = parseOne('Mond 19 11:08:37 nlaptop symphorien[4961]: test', TEST_NOW);
    expect(event.time).toBeUndefined();
    expect(event.text).toBe('Mond 19 11:08:37 nlaptop symphorien[4961]: test');
    expect(event.fields.host).toBe('nlaptop');
  });
});
