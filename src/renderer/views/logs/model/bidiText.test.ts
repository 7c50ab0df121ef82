import { describe, expect, it } from 'vitest';
import { bidiSegments } from './bidiText';

describe('isolating right-to-left tokens in log text', () => {
  it('leaves text without right-to-left letters as one plain segment', () => {
    expect(bidiSegments('GET /search?f=p0 404')).toEqual([
      { text: 'GET /search?f=p0 404', isolate: false },
    ]);
  });

  it('isolates the whole token around Persian words, and nothing beside it', () => {
    expect(bidiSegments('GET /search?f=p0&phrase=اتو+مسافرتی 404')).toEqual([
      { text: 'GET ', isolate: false },
      { text: '/search?f=p0&phrase=اتو+مسافرتی', isolate: true },
      { text: ' 404', isolate: false },
    ]);
  });

  it('isolates each right-to-left token on its own, across lines', () => {
    const segments = bidiSegments('שלום עולם 200\nuser=علی ok');
    expect(segments.filter((segment) => segment.isolate).map((segment) => segment.text)).toEqual([
      'שלום',
      'עולם',
      'user=علی',
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe('שלום עולם 200\nuser=علی ok');
  });

  it('stops isolating after the limit and keeps the rest as written', () => {
    const segments = bidiSegments('א ב ג ד', 2);
    expect(segments).toEqual([
      { text: 'א', isolate: true },
      { text: ' ', isolate: false },
      { text: 'ב', isolate: true },
      { text: ' ג ד', isolate: false },
    ]);
  });
});
