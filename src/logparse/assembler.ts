import { cleanLine } from './cleanLine';
import { parsePlainLine } from './formats/plain';
import { MAX_EVENT_CHARS, MAX_EVENT_LINES, MAX_PARSED_LINE_CHARS } from './limits';
import type { HeadFallback } from './headFallback';
import { appendToMessage, type LineFormat } from './lineFormat';
import type { ParsedEvent } from './types';

/** Assembles physical lines of one input into events, in order. */
export interface EventAssembler {
  /** Feeds the next physical line (without its line break); returns the events it completed. */
  push(line: string): ParsedEvent[];
  /** Flushes the event still being assembled at the end of input. */
  end(): ParsedEvent[];
}

const NONE: ParsedEvent[] = [];

/**
 * Drives a LineFormat over an input: every line either opens an event, joins
 * the open one, or, fitting no format, is kept as an event of its own with
 * its raw text. An event completes when the next one opens.
 *
 * A line the format does not open an event with gets a second chance with
 * `fallback` (the other line formats) before it may continue the open event,
 * so inputs that mix formats keep each line's level and fields.
 */
export class LineAssembler implements EventAssembler {
  private lineNumber = 0;
  private open: ParsedEvent | undefined;
  private continuation: string[] = [];
  private openChars = 0;
  private held: ParsedEvent | undefined;

  constructor(
    private readonly format: LineFormat,
    private readonly now?: number,
    private readonly fallback?: HeadFallback,
  ) {}

  push(rawLine: string): ParsedEvent[] {
    this.lineNumber += 1;
    const line = cleanLine(rawLine, this.lineNumber);
    const open = this.open;

    if (open && this.hasRoomFor(line)) {
      if (this.format.claims?.(line, open)) return this.join(line);
    }

    if (line.length <= MAX_PARSED_LINE_CHARS) {
      const head =
        this.format.parseHead(line, this.lineNumber) ?? this.fallback?.(line, this.lineNumber);
      if (head) return this.replaceOpen(head);
    }

    if (open && this.hasRoomFor(line) && this.format.continues(line, open)) return this.join(line);

    // A blank line that belongs to no event carries nothing to keep.
    if (isBlank(line)) return NONE;
    return this.replaceOpen(parsePlainLine(line, this.lineNumber, this.now));
  }

  end(): ParsedEvent[] {
    const released = this.release(this.completeOpen());
    this.open = undefined;
    this.continuation = [];
    const held = this.held;
    if (!held) return released;
    this.held = undefined;
    return [...released, held];
  }

  private hasRoomFor(line: string): boolean {
    return (
      this.continuation.length + 1 < MAX_EVENT_LINES &&
      this.openChars + line.length + 1 <= MAX_EVENT_CHARS
    );
  }

  private join(line: string): ParsedEvent[] {
    this.continuation.push(line);
    this.openChars += line.length + 1;
    return NONE;
  }

  private replaceOpen(next: ParsedEvent): ParsedEvent[] {
    const completed = this.completeOpen();
    this.open = next;
    this.openChars = next.text.length;
    return this.release(completed);
  }

  /** Finishes the open event: joins its lines and lets the format complete it. */
  private completeOpen(): ParsedEvent[] {
    const event = this.open;
    if (!event) return NONE;
    const continuation = this.continuation;
    if (continuation.length > 0) {
      event.text = event.text + '\n' + continuation.join('\n');
      event.lineCount = continuation.length + 1;
      this.continuation = [];
    }
    const replacement = this.format.complete?.(event, continuation);
    if (replacement) return replacement;
    if (continuation.length > 0 && !this.format.complete) appendToMessage(event, continuation);
    return [event];
  }

  /** Passes completed events on, holding back the last one when the format pairs events. */
  private release(completed: ParsedEvent[]): ParsedEvent[] {
    if (!this.format.pair || completed.length === 0) return completed;
    const out: ParsedEvent[] = [];
    for (const event of completed) {
      if (this.held) {
        this.format.pair(this.held, event);
        out.push(this.held);
      }
      this.held = event;
    }
    return out.length === 0 ? NONE : out;
  }
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
