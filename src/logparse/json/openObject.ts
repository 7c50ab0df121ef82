import type { ParsedEvent } from '../types';

/**
 * Follows a JSON text spread over several physical lines (a pretty-printed
 * document, an Elasticsearch record whose stack trace array is broken across
 * lines) until its braces balance.
 */
export class OpenJsonObject {
  private event: ParsedEvent | undefined;
  private depth = 0;
  private inString = false;

  /** Starts following `event`, whose first line is `line`; returns whether it is still open. */
  start(event: ParsedEvent, line: string, from: number): boolean {
    this.depth = 0;
    this.inString = false;
    this.scan(line, from);
    this.event = this.depth > 0 ? event : undefined;
    return this.event !== undefined;
  }

  /** Takes the next line when `open` is the object being followed and is not closed yet. */
  claims(line: string, open: ParsedEvent): boolean {
    if (this.event !== open) return false;
    this.scan(line, 0);
    if (this.depth <= 0) this.event = undefined;
    return true;
  }

  /** Stops following, e.g. because the event was completed. */
  clear(): void {
    this.event = undefined;
  }

  private scan(line: string, from: number): void {
    let depth = this.depth;
    let inString = this.inString;
    for (let i = from; i < line.length; i += 1) {
      const code = line.charCodeAt(i);
      if (inString) {
        if (code === 92) i += 1;
        else if (code === 34) inString = false;
      } else if (code === 34) {
        inString = true;
      } else if (code === 123 || code === 91) {
        depth += 1;
      } else if (code === 125 || code === 93) {
        depth -= 1;
        if (depth <= 0) break;
      }
    }
    this.depth = depth;
    // A string cannot span a line break in JSON; a broken line starts afresh.
    this.inString = false;
  }
}
