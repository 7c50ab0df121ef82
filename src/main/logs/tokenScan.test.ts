import { describe, expect, it } from 'vitest';
import { scanTokens, tokenHash } from './tokenScan';
import { tokenize } from './tokenize';

/** The tokens scanTokens reports, as lower-case strings, with their hashes. */
function scanned(text: string, limit?: number): { tokens: string[]; hashes: number[] } {
  const tokens: string[] = [];
  const hashes: number[] = [];
  scanTokens(
    text,
    {
      token(source, start, end, hash) {
        tokens.push(source.slice(start, end).toLowerCase());
        hashes.push(hash);
      },
    },
    limit,
  );
  return { tokens, hashes };
}

describe('scanTokens reports the tokens tokenize returns', () => {
  const samples = [
    '10.0.0.1 - - [01/Oct/2024:12:00:01 +0000] "GET /api/Items?q=Shoes HTTP/1.1" 200 512',
    '{"time":"2024-10-01T12:00:00Z","level":"ERROR","request_id":"A3F0c2d1"}',
    'پرداخت ناموفق بود: Zahlung für Bestellung FEHLGESCHLAGEN',
    'ÜBER the İstanbul café; naïve résumé',
    'math 𝒳𝒴 letters, emoji 🙂 separates, 日本語テキスト',
    'Ascii first then Größe in the middle and ASCII again',
    '',
    '   ,,, ;; ',
  ];

  for (const text of samples) {
    it(`for ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(scanned(text).tokens).toEqual(tokenize(text));
    });
  }

  it('stops at the limit, keeping the token cut there', () => {
    expect(scanned('alpha beta gamma', 8).tokens).toEqual(['alpha', 'be']);
  });
});

describe('token hashes', () => {
  it('equal tokenHash of the lower-case token, whatever the case in the text', () => {
    const { tokens, hashes } = scanned('Checkout CHECKOUT checkout Größe');
    expect(hashes).toEqual(tokens.map(tokenHash));
    expect(new Set(hashes.slice(0, 3)).size).toBe(1);
  });

  it('differ for different tokens', () => {
    expect(tokenHash('a3f0c2d1')).not.toBe(tokenHash('a3f0c2d2'));
    expect(tokenHash('ab')).not.toBe(tokenHash('ba'));
  });
});
