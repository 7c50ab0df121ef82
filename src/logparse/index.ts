/**
 * Log parsing: format detection, per-format parsers and multi-line
 * assembly. Pure TypeScript (no Node, Electron or DOM), run by the log
 * engine's worker threads over millions of lines.
 */
import { createAssembler } from './createAssembler';
import { detectFormat } from './detect';
import type { FormatId, ParsedEvent } from './types';

export type { FormatId, ParsedEvent } from './types';
export type { EventAssembler } from './assembler';
export type { AssemblerOptions } from './createAssembler';
export { createAssembler } from './createAssembler';
export { detectFormat } from './detect';
export { FORMAT_LABELS } from './formats/registry';

/** Lines detectFormat looks at from the start of an input. */
const DETECTION_SAMPLE = 200;

/** Detects the format of whole input held in memory and parses it into events. */
export function parseLines(lines: string[]): { format: FormatId; events: ParsedEvent[] } {
  const format = detectFormat(lines.slice(0, DETECTION_SAMPLE));
  const assembler = createAssembler(format);
  const events: ParsedEvent[] = [];
  for (const line of lines) {
    for (const event of assembler.push(line)) events.push(event);
  }
  for (const event of assembler.end()) events.push(event);
  return { format, events };
}
