import { LOG_LEVELS, type FieldValue, type LogLevel } from '../../../shared/logs';
import type { ParsedEvent } from '../../../logparse';
import { FieldColumns } from './fieldColumns';
import { ensureCapacity, reserveCapacity } from './growable';

/** Level codes in the level column: the index into LOG_LEVELS. */
export const LEVEL_CODE: Record<LogLevel, number> = Object.fromEntries(
  LOG_LEVELS.map((level, code) => [level, code]),
) as Record<LogLevel, number>;

const NO_MESSAGE_SLICE = -1;

/**
 * Every loaded event in columns, addressed by record id (0, 1, 2, ... in load
 * order across all sources).
 *
 * The event text is held once. The message, usually a piece of the text, is
 * kept as an offset and length into it; a message that does not occur in the
 * text (`GET /path 200` built from an access log line) goes to a dictionary,
 * because such messages repeat.
 */
export class RecordStore {
  size = 0;
  time = new Float64Array(0);
  level = new Uint8Array(0);
  source = new Uint16Array(0);
  lineNumber = new Uint32Array(0);
  readonly texts: string[] = [];
  readonly fields = new FieldColumns();
  private messageStart = new Int32Array(0);
  private messageLength = new Uint32Array(0);
  private readonly builtMessages = new FieldColumns();

  /** Appends one event from source `sourceIndex`; returns its record id. */
  append(event: ParsedEvent, sourceIndex: number): number {
    const id = this.size;
    if (id >= this.time.length) this.grow(id + 1);

    this.time[id] = event.time ?? NaN;
    this.level[id] = LEVEL_CODE[event.level] ?? LEVEL_CODE.unknown;
    this.source[id] = sourceIndex;
    this.lineNumber[id] = event.lineNumber;
    this.texts.push(event.text);
    this.storeMessage(id, event.message, event.text);
    this.fields.set(id, event.fields);

    this.size = id + 1;
    return id;
  }

  /**
   * Makes room for `count` more records at once, e.g. the number a file is
   * expected to hold, so that loading it copies no column.
   */
  reserve(count: number): void {
    const capacity = this.size + count;
    this.time = reserveCapacity(this.time, capacity, NaN);
    this.level = reserveCapacity(this.level, capacity);
    this.source = reserveCapacity(this.source, capacity);
    this.lineNumber = reserveCapacity(this.lineNumber, capacity);
    this.messageStart = reserveCapacity(this.messageStart, capacity);
    this.messageLength = reserveCapacity(this.messageLength, capacity);
    this.fields.reserve(capacity);
  }

  /** The message shown first for record `id`. */
  message(id: number): string {
    const start = this.messageStart[id];
    if (start === NO_MESSAGE_SLICE) return String(this.builtMessages.get(id).message ?? '');
    return this.texts[id].slice(start, start + this.messageLength[id]);
  }

  /** The level name of record `id`. */
  levelOf(id: number): LogLevel {
    return LOG_LEVELS[this.level[id]];
  }

  /** The fields of record `id`. */
  fieldsOf(id: number): Record<string, FieldValue> {
    return this.fields.get(id);
  }

  private storeMessage(id: number, message: string, text: string): void {
    const start = message === text ? 0 : text.indexOf(message);
    if (start >= 0) {
      this.messageStart[id] = start;
      this.messageLength[id] = message.length;
    } else {
      this.messageStart[id] = NO_MESSAGE_SLICE;
      this.builtMessages.set(id, { message });
    }
  }

  private grow(needed: number): void {
    this.time = ensureCapacity(this.time, needed, NaN);
    this.level = ensureCapacity(this.level, needed);
    this.source = ensureCapacity(this.source, needed);
    this.lineNumber = ensureCapacity(this.lineNumber, needed);
    this.messageStart = ensureCapacity(this.messageStart, needed);
    this.messageLength = ensureCapacity(this.messageLength, needed);
  }
}
