import { continuesTimestamped } from '../continuation';
import { levelFromName } from '../level';
import { newEvent, type LineFormat } from '../lineFormat';
import { readTimestamp } from '../time/readTimestamp';
import type { ParsedEvent } from '../types';

/**
 * Python logging with fields separated by `::`, as oVirt vdsm writes it:
 * `thread::LEVEL::YYYY-MM-DD HH:MM:SS,mmm::module::line::logger::(function) message`.
 */
const VDSM_LINE =
  /^([^:\s]{1,64})::([A-Z]{4,8})::(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:,\d{1,6})?)::([^:]{0,128})::(\d{1,6})::([^:]{0,256})::\(([^)]{0,128})\) ?/;

/** Whether a line opens a vdsm record; the format detector counts these. */
export function isVdsmLine(line: string): boolean {
  return VDSM_LINE.test(line);
}

/** Parses a vdsm record's first line into `thread`, `module`, `line`, `logger`, `function`. */
export function parseVdsmLine(line: string, lineNumber: number): ParsedEvent | undefined {
  const match = VDSM_LINE.exec(line);
  if (!match) return undefined;
  const [head, thread, severity, stamp, module, sourceLine, logger, func] = match;
  return newEvent(
    line,
    lineNumber,
    line.slice(head.length).trimEnd(),
    levelFromName(severity) ?? 'unknown',
    readTimestamp(stamp, 0),
    { thread, module, line: Number(sourceLine), logger, function: func },
  );
}

/**
 * Creates the vdsm format; tracebacks, whose `File "..."` lines are not
 * indented there, join the record before them.
 */
export function createVdsmFormat(): LineFormat {
  return {
    id: 'vdsm',
    parseHead: parseVdsmLine,
    continues: (line, open) => continuesTimestamped(line, open.time !== undefined),
  };
}
