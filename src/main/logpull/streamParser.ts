import {
  createAssembler,
  detectFormat,
  type EventAssembler,
  type ParsedEvent,
} from '../../logparse';
import type { PulledEvent } from './pulledEvent';

/** Messages of a stream that detection looks at. */
const SAMPLE_MESSAGES = 200;
/** Characters of each sample message shown to detection. */
const SAMPLE_CHARS = 64 * 1024;

interface StreamReader {
  assembler: EventAssembler;
  /** CloudWatch timestamps of the lines not yet emitted, from line `firstLine` on. */
  lineTimes: number[];
  firstLine: number;
  nextLine: number;
}

/**
 * Parses the events of one log group as they are pulled: the format is
 * detected per log stream from its first messages, a stack trace written as
 * several events is assembled into one, an event whose text carries no time
 * keeps CloudWatch's timestamp, and each gets `log_group` and `log_stream`.
 */
export class GroupParser {
  private readonly formats = new Map<string, string>();

  constructor(readonly logGroup: string) {}

  /** The format of the group: the streams' format when they agree, else `mixed`. */
  format(): string {
    const formats = new Set(this.formats.values());
    if (formats.size === 0) return 'unknown';
    return formats.size === 1 ? [...formats][0] : 'mixed';
  }

  /**
   * A parser for one run of events in order (one slice of a pull); runs are
   * separate because slices arrive interleaved and a continuation line must
   * join the event before it in its own stream.
   */
  run(): SliceParser {
    return new SliceParser(this);
  }

  /** The format of a stream, detected from its first messages the first time it is seen. */
  formatOf(logStreamName: string, sample: () => string[]): string {
    let format = this.formats.get(logStreamName);
    if (!format) {
      format = detectFormat(sample());
      this.formats.set(logStreamName, format);
    }
    return format;
  }
}

/** Parses one sequential run of a group's events; see GroupParser.run. */
export class SliceParser {
  private readonly streams = new Map<string, StreamReader>();

  constructor(private readonly group: GroupParser) {}

  /** Parses a page; events whose next line may still continue them are held back. */
  push(events: readonly PulledEvent[]): ParsedEvent[] {
    const parsed: ParsedEvent[] = [];
    for (const event of events) {
      const reader = this.reader(event.logStreamName, events);
      const lines = event.message.endsWith('\n')
        ? event.message.slice(0, -1).split('\n')
        : event.message.split('\n');
      for (const line of lines) {
        reader.lineTimes.push(event.timestamp);
        reader.nextLine += 1;
        this.finish(event.logStreamName, reader, reader.assembler.push(line), parsed);
      }
    }
    return parsed;
  }

  /** Emits the events still held at the end of the run. */
  end(): ParsedEvent[] {
    const parsed: ParsedEvent[] = [];
    for (const [logStreamName, reader] of this.streams) {
      this.finish(logStreamName, reader, reader.assembler.end(), parsed);
    }
    this.streams.clear();
    return parsed;
  }

  private reader(logStreamName: string, page: readonly PulledEvent[]): StreamReader {
    let reader = this.streams.get(logStreamName);
    if (!reader) {
      const format = this.group.formatOf(logStreamName, () =>
        page
          .filter((event) => event.logStreamName === logStreamName)
          .slice(0, SAMPLE_MESSAGES)
          .map((event) => event.message.split('\n', 1)[0].slice(0, SAMPLE_CHARS)),
      );
      reader = { assembler: createAssembler(format), lineTimes: [], firstLine: 1, nextLine: 1 };
      this.streams.set(logStreamName, reader);
    }
    return reader;
  }

  private finish(
    logStreamName: string,
    reader: StreamReader,
    events: ParsedEvent[],
    into: ParsedEvent[],
  ): void {
    for (const event of events) {
      const timestamp = reader.lineTimes[event.lineNumber - reader.firstLine];
      if (event.time === undefined || Number.isNaN(event.time)) event.time = timestamp;
      event.fields.log_group = this.group.logGroup;
      event.fields.log_stream = logStreamName;
      into.push(event);
      this.forget(reader, event.lineNumber);
    }
  }

  /** Drops the times of lines before `lineNumber`, which no later event can start on. */
  private forget(reader: StreamReader, lineNumber: number): void {
    const drop = lineNumber - reader.firstLine;
    if (drop < 1024) return;
    reader.lineTimes.splice(0, drop);
    reader.firstLine = lineNumber;
  }
}
