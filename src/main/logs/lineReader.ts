import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { OpsdeskError } from '../../shared/result';

/** Bytes read per chunk; a chunk's lines are parsed and indexed together. */
const CHUNK_BYTES = 1 << 20;
/** How much of the start of a file is checked for NUL bytes. */
const BINARY_SNIFF_BYTES = 8192;
const REPLACEMENT = '\uFFFD';

/** The lines of one chunk of a file, and how far into the file it reaches. */
export interface LineBatch {
  lines: string[];
  bytesRead: number;
}

/** What reading a file noticed along the way. */
export interface ReadReport {
  /** Bytes that were not valid UTF-8 and were read as U+FFFD. */
  invalidUtf8: boolean;
}

/** Throws OpsdeskError('unreadable') if the start of the file holds a NUL byte. */
export async function assertTextFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const sniff = Buffer.alloc(BINARY_SNIFF_BYTES);
    const { bytesRead } = await handle.read(sniff, 0, BINARY_SNIFF_BYTES, 0);
    if (sniff.subarray(0, bytesRead).includes(0)) {
      throw new OpsdeskError('unreadable', 'This looks like a binary file, not a text log.');
    }
  } finally {
    await handle.close();
  }
}

/** Counts U+FFFD encoded in bytes (EF BF BD), including one split across chunks. */
class EncodedReplacementCounter {
  count = 0;
  private tail = Buffer.alloc(0);

  feed(chunk: Buffer): void {
    const window = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    let index = window.indexOf(0xef);
    while (index >= 0 && index + 2 < window.length) {
      if (window[index + 1] === 0xbf && window[index + 2] === 0xbd) this.count += 1;
      index = window.indexOf(0xef, index + 1);
    }
    // A complete sequence is three bytes, so a two-byte tail is never counted twice.
    this.tail = Buffer.from(window.subarray(Math.max(0, window.length - 2)));
  }
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let index = text.indexOf(char); index >= 0; index = text.indexOf(char, index + 1)) {
    count += 1;
  }
  return count;
}

/**
 * Reads a file as lines, chunk by chunk, never the whole file at once.
 *
 * Lines end at `\n` or `\r\n`. Invalid UTF-8 becomes U+FFFD and is reported;
 * it is told apart from a U+FFFD the file really contains by counting both.
 * A line longer than a chunk is gathered in pieces and joined once.
 */
export async function* readLines(path: string, report: ReadReport): AsyncGenerator<LineBatch> {
  const decoder = new TextDecoder('utf-8');
  const encodedReplacements = new EncodedReplacementCounter();
  let decodedReplacements = 0;
  let pending: string[] = [];
  let bytesRead = 0;

  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    bytesRead += bytes.length;
    const text = decoder.decode(bytes, { stream: true });
    if (text.includes(REPLACEMENT)) decodedReplacements += countChar(text, REPLACEMENT);
    if (bytes.includes(0xef)) encodedReplacements.feed(bytes);

    const lines = splitLines(text, pending);
    pending = lines.rest;
    if (lines.complete.length > 0) yield { lines: lines.complete, bytesRead };
  }

  const last = pending.join('') + decoder.decode();
  report.invalidUtf8 =
    decodedReplacements + countChar(last, REPLACEMENT) > encodedReplacements.count;
  if (last !== '') yield { lines: [stripCarriageReturn(last)], bytesRead };
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Splits decoded text into complete lines, joining the pieces of a line begun earlier. */
function splitLines(text: string, pending: string[]): { complete: string[]; rest: string[] } {
  const complete: string[] = [];
  let start = 0;
  let end = text.indexOf('\n');
  while (end >= 0) {
    let line = text.slice(start, end);
    if (pending.length > 0) {
      line = pending.join('') + line;
      pending = [];
    }
    complete.push(stripCarriageReturn(line));
    start = end + 1;
    end = text.indexOf('\n', start);
  }
  if (start < text.length) pending.push(text.slice(start));
  return { complete, rest: pending };
}
