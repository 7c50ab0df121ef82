import { describe, expect, it } from 'vitest';
import { DEDUPLICATION_LIMIT, FieldColumns } from './fieldColumns';

describe('keyword columns', () => {
  it('hold each repeated value once', () => {
    const columns = new FieldColumns();
    const methods = ['GET', 'POST', 'GET', 'DELETE', 'GET'];
    methods.forEach((method, id) => columns.set(id, { method }));
    const column = columns.keywords.get('method')!;
    expect(column.dictionary).toEqual(['GET', 'POST', 'DELETE']);
    expect(Array.from(column.codes.subarray(0, 5))).toEqual([1, 2, 1, 3, 1]);
    expect(methods.map((_, id) => columns.get(id).method)).toEqual(methods);
  });

  it('stop deduplicating a field whose values are mostly distinct, still reading back every value', () => {
    const columns = new FieldColumns();
    const count = DEDUPLICATION_LIMIT * 2;
    const requestId = (id: number) => `req-${id % (count - 10)}`;
    for (let id = 0; id < count; id += 1)
      columns.set(id, { request_id: requestId(id), method: 'GET' });
    const ids = columns.keywords.get('request_id')!;
    expect(ids.codeOf).toBeUndefined();
    // The ten values seen twice got a second dictionary entry each.
    expect(ids.dictionary).toHaveLength(count);
    expect(ids.count).toBe(count);
    for (const id of [0, 1, DEDUPLICATION_LIMIT, count - 1]) {
      expect(columns.get(id)).toEqual({ request_id: requestId(id), method: 'GET' });
    }
    expect(columns.keywords.get('method')!.dictionary).toEqual(['GET']);
  });

  it('keep deduplicating a field with many values that repeat', () => {
    const columns = new FieldColumns();
    const distinct = DEDUPLICATION_LIMIT + 1000;
    // Each user makes three requests in a row.
    for (let id = 0; id < distinct * 3; id += 1) {
      columns.set(id, { user: `user${Math.floor(id / 3)}` });
    }
    const users = columns.keywords.get('user')!;
    expect(users.codeOf).toBeDefined();
    expect(users.dictionary).toHaveLength(distinct);
    expect(columns.get(distinct * 3 - 1)).toEqual({ user: `user${distinct - 1}` });
  });
});

describe('room for records', () => {
  it('reserves every column at once, those created later included', () => {
    const columns = new FieldColumns();
    columns.set(0, { status: 200, method: 'GET' });
    columns.reserve(50_000);
    columns.set(49_999, { status: 500, path: '/api' });
    expect(columns.numbers.get('status')!.values.length).toBe(50_000);
    expect(columns.keywords.get('path')!.codes.length).toBe(50_000);
    expect(columns.get(49_999)).toEqual({ status: 500, path: '/api' });
    expect(columns.get(1)).toEqual({});
  });
});
