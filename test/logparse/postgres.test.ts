import { describe, expect, it } from 'vitest';
import { countBy, parseFixture } from './fixtureLog';

describe('RDS log_line_prefix %t:%r:%u@%d:[%p]: (rds-prefix-pgbench.log)', () => {
  const { format, events } = parseFixture('postgres/rds-prefix-pgbench.log');

  it('is detected as postgres, one event per line', () => {
    expect(format).toBe('postgres');
    expect(events).toHaveLength(3000);
  });

  it('converts CET times to UTC', () => {
    expect(events[0].time).toBe(Date.UTC(2020, 2, 11, 19, 40, 43));
  });

  it('counts the severities', () => {
    expect(countBy(events, (event) => event.fields.severity)).toEqual({ LOG: 2998, FATAL: 2 });
    expect(countBy(events, (event) => event.level)).toEqual({ info: 2998, fatal: 2 });
  });

  it('reads client host and port, user, database and pid', () => {
    const refused = events.find((event) => event.level === 'fatal')!;
    expect(refused.fields).toMatchObject({
      client_host: '192.168.1.201',
      client_port: 50906,
      user: 'dbuser',
      database: 'pgbench',
      pid: 12795,
    });
    expect(refused.message).toContain('no pg_hba.conf entry for host');
  });

  it('leaves the empty user and database of background processes absent', () => {
    expect(events[0].fields).toEqual({ severity: 'LOG', pid: 12760 });
  });

  it('reads local connections, durations and statements', () => {
    const timed = events.find((event) => event.fields.duration_ms === 0.86)!;
    expect(timed.fields).toMatchObject({
      client_host: '[local]',
      user: 'postgres',
      database: 'postgres',
      pid: 12835,
      statement: 'SELECT datname FROM pg_database WHERE NOT datistemplate AND datallowconn;',
    });
  });
});

describe('Debian prefix with slow-query statements over several lines (pg96-debian-slowlog.log)', () => {
  const { format, events } = parseFixture('postgres/pg96-debian-slowlog.log');

  it('assembles 61 lines into 18 events', () => {
    expect(format).toBe('postgres');
    expect(events).toHaveLength(18);
    expect(events.reduce((sum, event) => sum + event.lineCount - 1, 0)).toBe(43);
  });

  it('converts CEST times to UTC', () => {
    expect(events[0].time).toBe(Date.UTC(2017, 6, 31, 11, 36, 42, 585));
  });

  it('reads durations and joins TAB-continued statements', () => {
    expect(events.filter((event) => event.fields.duration_ms !== undefined)).toHaveLength(11);
    const first = events[5];
    expect(first.fields.duration_ms).toBe(37.118);
    expect(first.lineCount).toBe(8);
    const statement = String(first.fields.statement);
    expect(statement.startsWith('SELECT d.datname as "Name",\n')).toBe(true);
    expect(statement.endsWith('\nORDER BY 1;')).toBe(true);
  });

  it('treats [unknown]@[unknown] as no user', () => {
    expect(events[4].fields).toEqual({ severity: 'LOG', pid: 4980 });
    expect(events[4].message).toBe('incomplete startup packet');
  });

  it('reads FATAL records with their user and database', () => {
    const fatal = events.filter((event) => event.level === 'fatal');
    expect(fatal.map((event) => event.fields.database)).toEqual(['users', 'user']);
    expect(fatal[0].fields.user).toBe('postgres');
  });
});

describe('ERROR with a multi-line STATEMENT (pg-multiline-statement-cest.log)', () => {
  const { format, events } = parseFixture('postgres/pg-multiline-statement-cest.log');

  it('assembles 45 lines into 7 events', () => {
    expect(format).toBe('postgres');
    expect(events).toHaveLength(7);
    expect(events.map((event) => event.fields.severity)).toEqual([
      'ERROR',
      'STATEMENT',
      'WARNING',
      'ERROR',
      'STATEMENT',
      'WARNING',
      'NOTICE',
    ]);
  });

  it('maps WARNING and NOTICE levels', () => {
    expect(events.map((event) => event.level)).toEqual([
      'error',
      'error',
      'warn',
      'error',
      'error',
      'warn',
      'info',
    ]);
  });

  it('pairs the ERROR with the STATEMENT of the same pid and time', () => {
    const [error, statement] = events;
    expect(statement.lineCount).toBe(39);
    expect(error.fields.statement).toBe(statement.fields.statement);
    const sql = String(error.fields.statement);
    expect(sql.startsWith('create table if not exists scrape_memory (\n')).toBe(true);
    expect(sql).toContain('    -- purpose_endpoint EnumScrapeEndpoint not null,');
    expect(sql.endsWith('\n);')).toBe(true);
    expect(events[3].fields.statement).toBe('truncate table scrape_memory restart identity;');
  });

  it('does not pair records of another time', () => {
    expect(events[2].fields.statement).toBeUndefined();
    expect(events[2].time).toBe(Date.UTC(2025, 3, 11, 22, 14, 12, 884));
  });
});
