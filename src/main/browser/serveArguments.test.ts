import { describe, expect, it } from 'vitest';
import { parseServeArguments } from './serveArguments';
import { safeFileName } from './uploads';

describe('parseServeArguments', () => {
  it('defaults to a random port and no files', () => {
    expect(parseServeArguments([], '/home/ops')).toEqual({ port: 0, paths: [] });
  });

  it('reads the port, the reason and files relative to the working folder', () => {
    const parsed = parseServeArguments(
      ['--port', '8123', 'logs/a.log', '--reason', 'no display is available', '/tmp/b.log'],
      '/home/ops',
    );
    expect(parsed).toEqual({
      port: 8123,
      reason: 'no display is available',
      paths: ['/home/ops/logs/a.log', '/tmp/b.log'],
    });
  });

  it('refuses a port that is not a number in range', () => {
    expect(() => parseServeArguments(['--port', 'eighty'], '/')).toThrow(/--port needs a number/);
    expect(() => parseServeArguments(['--port', '70000'], '/')).toThrow(/--port needs a number/);
    expect(() => parseServeArguments(['--port'], '/')).toThrow(/not nothing/);
  });

  it('refuses an unknown option', () => {
    expect(() => parseServeArguments(['--verbose'], '/')).toThrow(/Unknown option --verbose/);
  });
});

describe('safeFileName', () => {
  it('keeps an ordinary file name', () => {
    expect(safeFileName('nginx-access.log.1')).toBe('nginx-access.log.1');
  });

  it('keeps only the last segment of a path, either slash', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\logs\\app.log')).toBe('app.log');
  });

  it('drops control characters and names that are only dots', () => {
    expect(safeFileName('a\u0000b\nc.log')).toBe('abc.log');
    expect(safeFileName('..')).toBe('upload.log');
    expect(safeFileName('')).toBe('upload.log');
  });
});
