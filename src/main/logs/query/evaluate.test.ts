import { beforeAll, describe, expect, it } from 'vitest';
import { LogEngine } from '../logEngine';
import { parsedEvent } from '../testEvents';

const events = [
  parsedEvent('GET /api/items 200 12ms', {
    time: '2024-05-01T10:00:00Z',
    fields: { method: 'GET', path: '/api/items', status: 200, duration_ms: 12 },
  }),
  parsedEvent('POST /api/orders 500 upstream timed out', {
    time: '2024-05-01T10:01:00Z',
    level: 'error',
    fields: { method: 'POST', path: '/api/orders', status: 500, duration_ms: 3000 },
  }),
  parsedEvent('GET /health 200', {
    time: '2024-05-01T10:02:00Z',
    level: 'debug',
    fields: { method: 'GET', path: '/health', status: 200, duration_ms: 1 },
  }),
  parsedEvent('Connection refused by 10.0.0.1 (retrying)', {
    time: '2024-05-01T10:03:00Z',
    level: 'warn',
    fields: { host: 'db-primary' },
  }),
  parsedEvent('پرداخت ناموفق بود: Zahlung für Bestellung fehlgeschlagen', {
    time: '2024-05-01T10:04:00Z',
    level: 'error',
    fields: { request_id: '12345678901234567890' },
  }),
  parsedEvent('java.lang.IllegalStateException: boom\n\tat com.shop.Cart.add(Cart.java:42)', {
    level: 'fatal',
    fields: { status: 'unknown' },
  }),
  parsedEvent('request 19234f5f-b2f8-4a9e-b7da-641ef9b4a181 fetched by Googlebot-Image/1.0', {
    time: '2024-05-01T10:05:00Z',
  }),
];

const engine = new LogEngine();

/** The texts of the events a query matches, in the order they were added. */
async function matching(query: string): Promise<string[]> {
  const page = await engine.search({ query, offset: 0, limit: 100 });
  const ids = page.rows.map((row) => row.id).sort((a, b) => a - b);
  return Promise.all(ids.map(async (id) => (await engine.record(id)).raw.split('\n')[0]));
}

beforeAll(() => {
  engine.addEvents('app.log', 'test', events);
});

describe('words', () => {
  it('match whole tokens regardless of case', async () => {
    expect(await matching('get')).toEqual(['GET /api/items 200 12ms', 'GET /health 200']);
    expect(await matching('TIMED')).toEqual(['POST /api/orders 500 upstream timed out']);
  });

  it('do not match part of a longer word', async () => {
    expect(await matching('time')).toEqual([]);
    expect(await matching('api')).toHaveLength(2);
  });

  it('match by prefix with a trailing *', async () => {
    expect(await matching('time*')).toEqual(['POST /api/orders 500 upstream timed out']);
    expect(await matching('retr*')).toEqual(['Connection refused by 10.0.0.1 (retrying)']);
  });

  it('match words in Persian and accented German', async () => {
    const persian = await matching('ناموفق');
    expect(persian).toHaveLength(1);
    expect(await matching('FÜR')).toEqual(persian);
  });

  it('match a word made of several tokens as written', async () => {
    expect(await matching('10.0.0.1')).toEqual(['Connection refused by 10.0.0.1 (retrying)']);
    expect(await matching('10.0.0.2')).toEqual([]);
  });

  it('match field values that are not in the text', async () => {
    expect(await matching('db')).toEqual(['Connection refused by 10.0.0.1 (retrying)']);
  });

  it('search every line of a multi-line event', async () => {
    expect(await matching('cart')).toEqual(['java.lang.IllegalStateException: boom']);
  });
});

describe('phrases', () => {
  it('match the phrase as a substring, ignoring case', async () => {
    expect(await matching('"Upstream Timed"')).toEqual(['POST /api/orders 500 upstream timed out']);
    expect(await matching('"/api/orders 500"')).toHaveLength(1);
  });

  it('do not match the same words in another order', async () => {
    expect(await matching('"timed upstream"')).toEqual([]);
  });

  it('begin and end where words do, like bare words', async () => {
    expect(await matching('"bot-Image/1.0"')).toEqual([]);
    expect(await matching('"ooglebot"')).toEqual([]);
    expect(await matching('"Googlebot-Image/1.0"')).toHaveLength(1);
    expect(await matching('"/api/orders"')).toHaveLength(1);
  });
});

describe('words with hyphens, such as request ids', () => {
  const fetched = ['request 19234f5f-b2f8-4a9e-b7da-641ef9b4a181 fetched by Googlebot-Image/1.0'];

  it('find a whole request id', async () => {
    expect(await matching('19234f5f-b2f8-4a9e-b7da-641ef9b4a181')).toEqual(fetched);
    expect(await matching('"19234f5f-b2f8-4a9e-b7da-641ef9b4a181"')).toEqual(fetched);
  });

  it('find a hyphenated name and refuse a different one', async () => {
    expect(await matching('googlebot-image')).toEqual(fetched);
    expect(await matching('googlebot-video')).toEqual([]);
  });
});

describe('exclusions', () => {
  it('drop events with -word, -"phrase" and NOT', async () => {
    expect(await matching('get -health')).toEqual(['GET /api/items 200 12ms']);
    expect(await matching('get -"/health"')).toEqual(['GET /api/items 200 12ms']);
    expect(await matching('get NOT health')).toEqual(['GET /api/items 200 12ms']);
  });

  it('can stand alone', async () => {
    expect(await matching('-get')).toHaveLength(events.length - 2);
  });
});

describe('fields', () => {
  it('match keyword equality case-insensitively, and prefixes', async () => {
    expect(await matching('method:post')).toEqual(['POST /api/orders 500 upstream timed out']);
    expect(await matching('path:/api*')).toHaveLength(2);
  });

  it('compare numbers', async () => {
    expect(await matching('status:>=500')).toEqual(['POST /api/orders 500 upstream timed out']);
    expect(await matching('status:>499')).toHaveLength(1);
    expect(await matching('duration_ms:<100')).toHaveLength(2);
    expect(await matching('status:200..299')).toHaveLength(2);
    expect(await matching('status:200')).toHaveLength(2);
  });

  it('match the string values of a field that is mostly numeric', async () => {
    expect(await matching('status:unknown')).toEqual(['java.lang.IllegalStateException: boom']);
  });

  it('keep long digit strings as strings', async () => {
    expect(await matching('request_id:12345678901234567890')).toHaveLength(1);
  });

  it('match levels by name and by severity', async () => {
    expect(await matching('level:error')).toHaveLength(2);
    expect(await matching('level:>=warn')).toHaveLength(4);
    expect(await matching('level:<info')).toEqual(['GET /health 200']);
  });

  it('match nothing for an unknown field, with a warning', async () => {
    const page = await engine.search({ query: 'colour:red', offset: 0, limit: 10 });
    expect(page.total).toBe(0);
    expect(page.warnings).toEqual(['No loaded event has a field named colour.']);
  });

  it('match the source name with source:', async () => {
    expect(await matching('source:app.log')).toHaveLength(events.length);
    expect(await matching('source:other.log')).toEqual([]);
  });
});

describe('boolean combinations', () => {
  it('combine OR, AND and parentheses', async () => {
    expect(await matching('(refused OR timed) level:warn')).toEqual([
      'Connection refused by 10.0.0.1 (retrying)',
    ]);
    expect(await matching('health OR status:>=500')).toHaveLength(2);
    expect(await matching('method:GET AND -status:200')).toEqual([]);
  });

  it('match everything for the empty query and *', async () => {
    expect(await matching('')).toHaveLength(events.length);
    expect(await matching('*')).toHaveLength(events.length);
  });
});
