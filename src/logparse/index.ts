// TODO: placeholder until the real format detection and parsers land: every
// line is kept as a plain event without time or fields.
import type { FormatId, ParsedEvent } from './types';

export type { FormatId, ParsedEvent } from './types';

/** Assembles physical lines of one input into events, in order. */
export interface EventAssembler {
  /** Feeds the next physical line (without its line break). */
  push(line: string): ParsedEvent[];
  /** Flushes the event still being assembled at the end of input. */
  end(): ParsedEvent[];
}

/** Picks the format that best fits a sample of an input's first lines. */
export function detectFormat(_sampleLines: string[]): FormatId {
  return 'plain';
}

/** Creates an assembler for one input in a given format. */
export function createAssembler(_format: FormatId): EventAssembler {
  let lineNumber = 0;
  return {
    push(line) {
      lineNumber += 1;
      return [
        { level: 'unknown', message: line, text: line, fields: {}, lineNumber, lineCount: 1 },
      ];
    },
    end: () => [],
  };
}
