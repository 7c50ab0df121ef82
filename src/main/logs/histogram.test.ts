import { describe, expect, it } from 'vitest';
import { bucketBoundaries, resolveBucket } from './histogram';
import { LogEngine } from './logEngine';
import { parsedEvent } from './testEvents';

const HOUR = 3_600_000;
const iso = (time: number) => new Date(time).toISOString();

function boundaries(width: '15m' | 'hour' | 'day', from: string, to: string, zone: string) {
  return bucketBoundaries(width, Date.parse(from), Date.parse(to), zone).map(iso);
}

describe('day buckets start at local midnight', () => {
  it('gives the spring DST day in Europe/Berlin 23 hours', () => {
    const days = bucketBoundaries(
      'day',
      Date.parse('2024-03-30T12:00:00Z'),
      Date.parse('2024-04-01T12:00:00Z'),
      'Europe/Berlin',
    );
    expect(days.map(iso)).toEqual([
      '2024-03-29T23:00:00.000Z',
      '2024-03-30T23:00:00.000Z',
      '2024-03-31T22:00:00.000Z',
      '2024-04-01T22:00:00.000Z',
    ]);
    expect((days[2] - days[1]) / HOUR).toBe(23);
  });

  it('gives the autumn DST day in Europe/Berlin 25 hours', () => {
    const days = bucketBoundaries(
      'day',
      Date.parse('2024-10-27T05:00:00Z'),
      Date.parse('2024-10-27T22:30:00Z'),
      'Europe/Berlin',
    );
    expect(days.map(iso)).toEqual(['2024-10-26T22:00:00.000Z', '2024-10-27T23:00:00.000Z']);
    expect((days[1] - days[0]) / HOUR).toBe(25);
  });

  it('follows America/New_York across its spring change', () => {
    expect(
      boundaries('day', '2024-03-10T12:00:00Z', '2024-03-11T12:00:00Z', 'America/New_York'),
    ).toEqual(['2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z', '2024-03-12T04:00:00.000Z']);
  });

  it('starts UTC days at 00:00Z', () => {
    expect(boundaries('day', '2024-05-01T10:00:00Z', '2024-05-02T00:00:00Z', 'UTC')).toEqual([
      '2024-05-01T00:00:00.000Z',
      '2024-05-02T00:00:00.000Z',
    ]);
  });
});

describe('hour and quarter-hour buckets follow the wall clock', () => {
  it('counts 25 hour buckets on the Berlin autumn DST day', () => {
    const hours = bucketBoundaries(
      'hour',
      Date.parse('2024-10-26T22:00:00Z'),
      Date.parse('2024-10-27T23:00:00Z'),
      'Europe/Berlin',
    );
    expect(hours.length - 1).toBe(25);
    expect(new Set(hours.slice(1).map((t, i) => t - hours[i]))).toEqual(new Set([HOUR]));
  });

  it('counts 23 hour buckets on the New York spring DST day', () => {
    const hours = bucketBoundaries(
      'hour',
      Date.parse('2024-03-10T05:00:00Z'),
      Date.parse('2024-03-11T04:00:00Z'),
      'America/New_York',
    );
    expect(hours.length - 1).toBe(23);
  });

  it('aligns quarter hours to local time in Asia/Tehran (+03:30)', () => {
    expect(
      boundaries('15m', '2024-05-01T10:05:00Z', '2024-05-01T10:35:00Z', 'Asia/Tehran'),
    ).toEqual([
      '2024-05-01T10:00:00.000Z',
      '2024-05-01T10:15:00.000Z',
      '2024-05-01T10:30:00.000Z',
      '2024-05-01T10:45:00.000Z',
    ]);
  });

  it('aligns hours in Asia/Kathmandu (+05:45) to local :00, which is :15 UTC', () => {
    expect(
      boundaries('hour', '2024-05-01T10:20:00Z', '2024-05-01T11:00:00Z', 'Asia/Kathmandu'),
    ).toEqual(['2024-05-01T10:15:00.000Z', '2024-05-01T11:15:00.000Z']);
  });

  it('aligns Tehran hours to :30 UTC', () => {
    expect(
      boundaries('hour', '2024-05-01T10:40:00Z', '2024-05-01T11:00:00Z', 'Asia/Tehran'),
    ).toEqual(['2024-05-01T10:30:00.000Z', '2024-05-01T11:30:00.000Z']);
  });
});

describe('automatic width', () => {
  it('picks the narrowest width giving at most 200 bars', () => {
    expect(resolveBucket('auto', 0, 6 * HOUR)).toBe('15m');
    expect(resolveBucket('auto', 0, 5 * 24 * HOUR)).toBe('hour');
    expect(resolveBucket('auto', 0, 60 * 24 * HOUR)).toBe('day');
    expect(resolveBucket('day', 0, HOUR)).toBe('day');
  });
});

describe('histogram of matching events', () => {
  const engine = new LogEngine();
  engine.addEvents('app.log', 'test', [
    parsedEvent('boot', { time: '2024-03-30T23:30:00Z', level: 'info' }),
    parsedEvent('fail one', { time: '2024-03-31T01:30:00Z', level: 'error' }),
    parsedEvent('fail two', { time: '2024-03-31T21:59:59Z', level: 'error' }),
    parsedEvent('next day', { time: '2024-03-31T22:00:00Z', level: 'warn' }),
    parsedEvent('fail untimed', { level: 'error' }),
  ]);

  it('counts per local day and level in the requested zone', async () => {
    const histogram = await engine.histogram({
      query: '',
      bucket: 'day',
      timeZone: 'Europe/Berlin',
    });
    expect(
      histogram.buckets.map((bucket) => [
        iso(bucket.start),
        iso(bucket.end),
        bucket.counts.info,
        bucket.counts.error,
        bucket.counts.warn,
      ]),
    ).toEqual([
      ['2024-03-30T23:00:00.000Z', '2024-03-31T22:00:00.000Z', 1, 2, 0],
      ['2024-03-31T22:00:00.000Z', '2024-04-01T22:00:00.000Z', 0, 0, 1],
    ]);
    expect(histogram).toMatchObject({
      bucket: 'day',
      timeZone: 'Europe/Berlin',
      total: 5,
      untimed: 1,
    });
  });

  it('counts only events matching the query', async () => {
    const histogram = await engine.histogram({ query: 'fail', bucket: 'day', timeZone: 'UTC' });
    expect(histogram.buckets.map((bucket) => bucket.counts.error)).toEqual([2]);
    expect(histogram.untimed).toBe(1);
    expect(histogram.total).toBe(3);
  });

  it('covers exactly the requested range, leaving untimed events out', async () => {
    const histogram = await engine.histogram({
      query: '',
      from: Date.parse('2024-03-31T00:00:00Z'),
      to: Date.parse('2024-03-31T03:00:00Z'),
      bucket: 'hour',
      timeZone: 'UTC',
    });
    expect(histogram.buckets.map((bucket) => bucket.counts.error)).toEqual([0, 1, 0]);
    expect(histogram.untimed).toBe(0);
    expect(histogram.total).toBe(1);
  });

  it('refuses an unknown time zone', async () => {
    await expect(
      engine.histogram({ query: '', bucket: 'day', timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });
});
