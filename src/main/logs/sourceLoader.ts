import { stat } from 'node:fs/promises';
import { createAssembler, detectFormat, type ParsedEvent } from '../../logparse';
import type { LoadProgress, LogSource } from '../../shared/logs';
import { OpsdeskError } from '../../shared/result';
import { assertTextFile, readLines, type ReadReport } from './lineReader';
import { MAX_INDEXED_CHARS } from './wordIndex';

/** Lines the format is detected from. */
const SAMPLE_LINES = 200;
/** Characters of each sample line shown to detection; a 50 MB line needs no more. */
const SAMPLE_LINE_CHARS = 64 * 1024;
/** Progress is reported at most this often per source (and once at the end). */
const PROGRESS_INTERVAL_MS = 100;

/** Where a loader hands its events and its progress. */
export interface LoadTarget {
  ingest(events: ParsedEvent[]): void;
  /** Told once, early, about how many events the file will bring, to make room at once. */
  expect?(events: number): void;
  progress(progress: LoadProgress): void;
  /** Milliseconds now; a parameter so tests can step the clock. */
  now(): number;
  /** Whether the source was closed meanwhile, so reading should stop. */
  cancelled(): boolean;
}

/** Turns a file system error into words a non-specialist can act on. */
export function describeReadError(error: unknown): string {
  if (error instanceof OpsdeskError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'The file does not exist (it may have been moved or deleted).';
    case 'EACCES':
    case 'EPERM':
      return 'Opsdesk is not allowed to read this file (permission denied).';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    case 'EMFILE':
      return 'Too many files are open at once; close some and try again.';
    default:
      return `The file could not be read: ${(error as Error)?.message ?? String(error)}`;
  }
}

/**
 * Reads, parses and hands over one file's events, updating `source` (its
 * state, format, record count, times and problems) as it goes. Never throws:
 * a failure ends up in `source.state` and `source.problem`.
 */
export async function loadSource(source: LogSource, target: LoadTarget): Promise<void> {
  const problems: string[] = [];
  let bytesRead = 0;
  let lastProgress = -Infinity;
  const report = (done: boolean) => {
    source.problem = problems.length > 0 ? problems.join(' ') : undefined;
    const progress: LoadProgress = {
      sourceId: source.sourceId,
      name: source.name,
      bytesRead,
      totalBytes: source.sizeBytes,
      records: source.records,
      done,
    };
    if (source.problem) progress.problem = source.problem;
    target.progress(progress);
    lastProgress = target.now();
  };

  try {
    const info = await stat(source.path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    source.sizeBytes = info.size;
    if (info.size === 0) {
      problems.push('The file is empty.');
      source.state = 'ready';
      report(true);
      return;
    }
    await assertTextFile(source.path);

    const readReport: ReadReport = { invalidUtf8: false };
    let assembler: ReturnType<typeof createAssembler> | undefined;
    let longLine = false;
    let expected = false;
    for await (const batch of readLines(source.path, readReport)) {
      if (target.cancelled()) break;
      bytesRead = batch.bytesRead;
      if (!assembler) {
        const sample = batch.lines
          .slice(0, SAMPLE_LINES)
          .map((line) => line.slice(0, SAMPLE_LINE_CHARS));
        source.format = detectFormat(sample);
        assembler = createAssembler(source.format);
      }
      const events: ParsedEvent[] = [];
      for (const line of batch.lines) {
        if (line.length > MAX_INDEXED_CHARS) longLine = true;
        for (const event of assembler.push(line)) events.push(event);
      }
      if (!expected) {
        expected = true;
        target.expect?.(estimateEvents(events.length, batch.bytesRead, source.sizeBytes));
      }
      target.ingest(events);
      if (target.now() - lastProgress >= PROGRESS_INTERVAL_MS) report(false);
    }
    if (assembler) target.ingest(assembler.end());

    if (readReport.invalidUtf8) {
      problems.push('Some bytes were not valid UTF-8; they show as \uFFFD.');
    }
    if (longLine) {
      problems.push(
        'Some lines are longer than 1 MB; words past the first 1 MB of them are not indexed.',
      );
    }
    source.state = 'ready';
  } catch (error) {
    problems.push(describeReadError(error));
    source.state = 'failed';
  }
  report(true);
}

/**
 * Events a file of `totalBytes` will bring, judged from its first chunk; a
 * little over, since making room once more costs a copy of every column.
 */
export function estimateEvents(events: number, bytesRead: number, totalBytes: number): number {
  if (bytesRead <= 0 || bytesRead >= totalBytes) return events;
  return Math.ceil((events * totalBytes * 1.02) / bytesRead);
}
