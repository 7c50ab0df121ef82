import { describe, expect, it } from 'vitest';
import { flattenInto } from './flatten';
import { parseJsonObject, quoteUnsafeIntegers } from './parseJson';

describe('parsing JSON objects', () => {
  it('keeps integers beyond 2^53 as their exact text when asked to be exact', () => {
    const record = parseJsonObject(
      '{"previous":9223372036854775807,"limit":29511419904,"neg":-9007199254740993}',
      true,
    );
    expect(record).toEqual({
      previous: '9223372036854775807',
      limit: 29511419904,
      neg: '-9007199254740993',
    });
  });

  it('leaves long digit runs inside strings and in fractions alone', () => {
    const text =
      '{"id":"35311576111948622874033876462979853992919938886093242368","ts":1761019822.3152757}';
    expect(quoteUnsafeIntegers(text)).toBe(text);
    expect(
      parseJsonObject('{"s":"say \\"12345678901234567890\\"","n":9007199254740991}', true),
    ).toEqual({
      s: 'say "12345678901234567890"',
      n: 9007199254740991,
    });
  });

  it('returns undefined for anything but an object', () => {
    for (const text of ['[1,2]', '"text"', '{"open":', '42', 'null']) {
      expect(parseJsonObject(text), text).toBeUndefined();
    }
  });
});

describe('flattening into fields', () => {
  it('reports numbers that lost precision, also inside arrays', () => {
    expect(flattenInto({}, { n: 9007199254740991, f: 1.5 })).toBe(true);
    expect(flattenInto({}, JSON.parse('{"n":9223372036854775807}'))).toBe(false);
    expect(flattenInto({}, JSON.parse('{"spans":[{"start":1583425836164691700}]}'))).toBe(false);
  });

  it('joins nested keys with dots and keeps arrays as JSON text', () => {
    const fields = {};
    flattenInto(fields, { a: { b: { c: 1 } }, list: [1, 'two'], none: null, ok: false });
    expect(fields).toEqual({ 'a.b.c': 1, list: '[1,"two"]', ok: false });
  });

  it('stops at 256 fields', () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < 1000; i += 1) wide[`k${i}`] = i;
    const fields = {};
    flattenInto(fields, wide);
    expect(Object.keys(fields)).toHaveLength(256);
  });
});
