import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { exitQuietlyWhenOutputCloses } from './closedOutput';

function writeError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

describe('a closed output', () => {
  it('ends the command with exit code 0 when the reader went away', () => {
    const output = new EventEmitter();
    const exits: number[] = [];
    exitQuietlyWhenOutputCloses(output, (code) => exits.push(code));

    output.emit('error', writeError('EPIPE'));

    expect(exits).toEqual([0]);
  });

  it('still fails on any other write error', () => {
    const output = new EventEmitter();
    const exits: number[] = [];
    exitQuietlyWhenOutputCloses(output, (code) => exits.push(code));

    expect(() => output.emit('error', writeError('ENOSPC'))).toThrow('write ENOSPC');
    expect(exits).toEqual([]);
  });
});
