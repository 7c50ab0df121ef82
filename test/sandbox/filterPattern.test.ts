import { describe, expect, it } from 'vitest';
import { compileFilterPattern } from '../../src/sandbox/logs/filterPattern';

const matches = (pattern: string, message: string) => compileFilterPattern(pattern)(message);

describe('term patterns', () => {
  it('match everything when empty', () => {
    expect(matches('', 'anything')).toBe(true);
    expect(matches('   ', 'anything')).toBe(true);
  });

  it('need every plain term, case-sensitively', () => {
    expect(matches('ERROR timeout', 'ERROR: upstream timeout')).toBe(true);
    expect(matches('ERROR timeout', 'ERROR: upstream refused')).toBe(false);
    expect(matches('error', 'ERROR')).toBe(false);
  });

  it('need any one of the optional terms', () => {
    expect(matches('?ERROR ?WARN', 'WARN retrying')).toBe(true);
    expect(matches('?ERROR ?WARN', 'INFO done')).toBe(false);
  });

  it('treat a quoted phrase as one term and honour exclusions', () => {
    expect(matches('"upstream timeout"', 'request failed: upstream timeout')).toBe(true);
    expect(matches('"upstream timeout"', 'timeout upstream')).toBe(false);
    expect(matches('GET -health', 'GET /api/orders')).toBe(true);
    expect(matches('GET -health', 'GET /health')).toBe(false);
  });
});

describe('JSON patterns', () => {
  const line = JSON.stringify({
    level: 'error',
    durationMs: 812,
    request: { path: '/api/orders' },
  });

  it('compare strings, numbers and nested fields', () => {
    expect(matches('{ $.level = "error" }', line)).toBe(true);
    expect(matches('{ $.level = "info" }', line)).toBe(false);
    expect(matches('{ $.durationMs > 500 }', line)).toBe(true);
    expect(matches('{ $.durationMs <= 500 }', line)).toBe(false);
    expect(matches('{ $.request.path = "/api/*" }', line)).toBe(true);
  });

  it('combine with && and ||, and never match lines that are not JSON', () => {
    expect(matches('{ $.level = "error" && $.durationMs > 1000 }', line)).toBe(false);
    expect(matches('{ $.level = "warn" || $.durationMs > 800 }', line)).toBe(true);
    expect(matches('{ $.level = "error" }', 'level=error')).toBe(false);
  });
});

describe('space-delimited patterns', () => {
  const access =
    '10.0.1.7 - - [03/Dec/2026:12:00:00 +0000] "GET /api HTTP/1.1" 502 120 "-" "curl/8" 0.031';

  it('test conditions on words, with ellipsis for the rest', () => {
    expect(matches('[ip, identity, user, time, request, status = 5*, ...]', access)).toBe(true);
    expect(matches('[ip, identity, user, time, request, status = 2*, ...]', access)).toBe(false);
    expect(matches('[..., seconds > 0.02]', access)).toBe(true);
  });
});

describe('invalid patterns', () => {
  it.each(['{ $.level = }', '{ $.level = "error"', '"unclosed', '{ level = "error" }', '[a, b'])(
    'reject %s',
    (pattern) => {
      expect(() => compileFilterPattern(pattern)).toThrow('Invalid filter pattern');
    },
  );
});
