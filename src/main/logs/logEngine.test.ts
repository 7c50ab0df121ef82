import { describe, expect, it } from 'vitest';
import { LogEngine } from './logEngine';
import { parsedEvent } from './testEvents';
import { BLOCK_SIZE } from './wordIndex';

const MINUTE = 60_000;
const start = Date.parse('2024-05-01T00:00:00Z');

describe('results order and paging', () => {
  const engine = new LogEngine();
  engine.addEvents('a.log', 'test', [
    parsedEvent('first', { time: start + 1 * MINUTE }),
    parsedEvent('untimed one'),
    parsedEvent('third', { time: start + 3 * MINUTE }),
    parsedEvent('second', { time: start + 2 * MINUTE }),
    parsedEvent('third again', { time: start + 3 * MINUTE }),
    parsedEvent('untimed two'),
  ]);

  async function messages(request: {
    offset?: number;
    limit?: number;
    from?: number;
    to?: number;
  }) {
    const page = await engine.search({ query: '', offset: 0, limit: 100, ...request });
    return { total: page.total, messages: page.rows.map((row) => row.message) };
  }

  it('shows the newest first, the later line first on equal times, untimed last', async () => {
    expect((await messages({})).messages).toEqual([
      'third again',
      'third',
      'second',
      'first',
      'untimed one',
      'untimed two',
    ]);
  });

  it('pages by offset and limit with the total of all matches', async () => {
    expect(await messages({ offset: 2, limit: 3 })).toEqual({
      total: 6,
      messages: ['second', 'first', 'untimed one'],
    });
    expect(await messages({ offset: 10, limit: 3 })).toEqual({ total: 6, messages: [] });
  });

  it('keeps to the time range [from, to), leaving untimed events out', async () => {
    expect(await messages({ from: start + 2 * MINUTE, to: start + 3 * MINUTE })).toEqual({
      total: 1,
      messages: ['second'],
    });
    expect((await messages({ from: start + 2 * MINUTE })).messages).toEqual([
      'third again',
      'third',
      'second',
    ]);
  });

  it('returns rows with time, level, source and fields', async () => {
    const page = await engine.search({ query: 'second', offset: 0, limit: 1 });
    expect(page.rows[0]).toEqual({
      id: 3,
      time: start + 2 * MINUTE,
      level: 'info',
      sourceId: 'source-1',
      message: 'second',
      fields: {},
    });
  });
});

describe('many records', () => {
  const count = BLOCK_SIZE * 4 + 10;
  const engine = new LogEngine();
  engine.addEvents(
    'big.log',
    'test',
    Array.from({ length: count }, (_, index) =>
      parsedEvent(
        `request ${index} ${index % 100 === 0 ? 'checkout' : 'browse'} item${index % 7}`,
        {
          time: start + index * 1000,
          fields: { status: index % 10 === 0 ? 500 : 200, user: `user${index % 3}` },
        },
      ),
    ),
  );

  it('finds words in blocks already indexed and in the block being filled', async () => {
    const page = await engine.search({ query: 'checkout', offset: 0, limit: 100 });
    const expected = Array.from({ length: count }, (_, index) => index)
      .filter((index) => index % 100 === 0)
      .reverse();
    expect(page.rows.map((row) => row.id)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('finds word prefixes across blocks', async () => {
    const page = await engine.search({ query: 'item6*', offset: 0, limit: 1 });
    expect(page.total).toBe(Array.from({ length: count }).filter((_, i) => i % 7 === 6).length);
  });

  it('combines words with field terms', async () => {
    const page = await engine.search({
      query: 'checkout status:500 user:user0',
      offset: 0,
      limit: 1,
    });
    const expected = Array.from({ length: count }, (_, i) => i).filter(
      (i) => i % 100 === 0 && i % 3 === 0,
    );
    expect(page.total).toBe(expected.length);
  });

  it('lists fields with their kinds and counts', async () => {
    expect(await engine.fields()).toEqual([
      { name: 'status', kind: 'number', count },
      { name: 'user', kind: 'keyword', count },
    ]);
  });
});

describe('sources and records', () => {
  it('returns a record in full and refuses an unknown id', async () => {
    const engine = new LogEngine();
    engine.addEvents('svc.log', 'json', [
      parsedEvent('{"msg":"hello","n":1}', { message: 'hello', lineNumber: 7, fields: { n: 1 } }),
    ]);
    expect(await engine.record(0)).toEqual({
      id: 0,
      time: null,
      level: 'info',
      sourceId: 'source-1',
      message: 'hello',
      fields: { n: 1 },
      raw: '{"msg":"hello","n":1}',
      sourceName: 'svc.log',
      format: 'json',
      lineNumber: 7,
    });
    await expect(engine.record(1)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps a message that is not part of the text', async () => {
    const engine = new LogEngine();
    engine.addEvents('svc.log', 'json', [
      parsedEvent('{"msg":"say \\"hi\\""}', { message: 'say "hi"' }),
    ]);
    expect((await engine.record(0)).message).toBe('say "hi"');
  });

  it('stops matching the events of a closed source', async () => {
    const engine = new LogEngine();
    const first = engine.addEvents('one.log', 'test', [parsedEvent('alpha')]);
    engine.addEvents('two.log', 'test', [parsedEvent('alpha')]);
    await engine.close(first.sourceId);
    const page = await engine.search({ query: 'alpha', offset: 0, limit: 10 });
    expect(page.rows.map((row) => row.sourceId)).toEqual(['source-2']);
    expect((await engine.sources()).map((source) => source.name)).toEqual(['two.log']);
    await expect(engine.record(0)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reports a bad query as a syntax error with its position', async () => {
    const engine = new LogEngine();
    await expect(engine.search({ query: 'a (b', offset: 0, limit: 1 })).rejects.toMatchObject({
      code: 'query-syntax',
      position: 2,
    });
  });
});
