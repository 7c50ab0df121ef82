import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAssembler, detectFormat, type FormatId, type ParsedEvent } from '../../src/logparse';

/** The clock tests run at: 2026-12-03 12:00 UTC, so year-less syslog dates are reproducible. */
export const TEST_NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

const FIXTURES = path.resolve(__dirname, '../fixtures/logs');

/** The physical lines of a corpus file, without line breaks, as the log engine feeds them. */
export function fixtureLines(file: string): string[] {
  const lines = readFileSync(path.join(FIXTURES, file), 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Detects the format of a corpus file and parses it the way the log engine does. */
export function parseFixture(file: string): { format: FormatId; events: ParsedEvent[] } {
  return parseText(fixtureLines(file));
}

/** Detects the format of lines and parses them, line by line, with the test clock. */
export function parseText(lines: string[]): { format: FormatId; events: ParsedEvent[] } {
  const format = detectFormat(lines.slice(0, 200));
  const assembler = createAssembler(format, { now: TEST_NOW });
  const events: ParsedEvent[] = [];
  for (const line of lines) events.push(...assembler.push(line));
  events.push(...assembler.end());
  return { format, events };
}

/** Counts events by a key, e.g. their status or level. */
export function countBy(
  events: ParsedEvent[],
  key: (event: ParsedEvent) => unknown,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    const value = String(key(event));
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}
