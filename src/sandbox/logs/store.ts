import { hashSeed } from '../random';
import type { MessageGenerator } from './generator';

/** A log event in CloudWatch Logs' wire shape (FilterLogEvents). */
export interface LogEvent {
  logStreamName: string;
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

/** One stream's events in time order, addressable by position without holding them all. */
export interface StreamSequence {
  length: number;
  timeAt(position: number): number;
  eventAt(position: number): LogEvent;
}

/** What a group's generated events look like: a steady rate that continues while running. */
export interface GeneratedContent {
  /** Events per 24 hours; the day before the sandbox started is filled at this rate. */
  eventsPerDay: number;
  streamNames: string[];
  message: MessageGenerator;
}

/** Generated events are dealt to streams in blocks, so multi-line runs stay in one stream. */
const BLOCK = 64;
const DAY_MS = 86_400_000;

/** Finds the first position in [low, high) whose value is at least `target`. */
export function lowerBound(
  low: number,
  high: number,
  valueAt: (position: number) => number,
  target: number,
): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (valueAt(middle) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A log group: events generated on demand from their index (so a million cost
 * no memory) plus events that workflows append while the sandbox runs.
 */
export class LogGroup {
  /** Events written while running, in time order, each in a stream of its own run. */
  readonly appended: LogEvent[] = [];
  private readonly appendedStreams = new Map<
    string,
    { creationTime: number; events: LogEvent[] }
  >();
  private readonly origin: number;
  private readonly step: number;
  private readonly seed: number;

  constructor(
    readonly name: string,
    readonly creationTime: number,
    readonly retentionInDays: number,
    startedAt: number,
    seed: number,
    private readonly generated?: GeneratedContent,
  ) {
    this.origin = startedAt - DAY_MS;
    this.step = generated && generated.eventsPerDay > 0 ? DAY_MS / generated.eventsPerDay : 0;
    this.seed = hashSeed(seed, name);
  }

  /** How many generated events exist by `now`. */
  generatedCount(now: number): number {
    if (!this.step) return 0;
    const upper = Math.max(0, Math.floor((now - this.origin) / this.step) + 1);
    return lowerBound(0, upper, (index) => this.generatedTime(index), now + 1);
  }

  /** The timestamp of generated event `index`: evenly spread, with a little jitter. */
  generatedTime(index: number): number {
    const jitter = (hashSeed(this.seed, index) % 1000) / 1000;
    return Math.floor(this.origin + (index + jitter) * this.step);
  }

  /** Generated event `index`, made on demand. */
  generatedEvent(index: number): LogEvent {
    const content = this.generated!;
    const timestamp = this.generatedTime(index);
    const streamIndex = Math.floor(index / BLOCK) % content.streamNames.length;
    return {
      logStreamName: content.streamNames[streamIndex],
      timestamp,
      message: content.message(index, timestamp),
      ingestionTime: timestamp + 100 + (hashSeed(this.seed, 'ingest', index) % 800),
      eventId: eventId(timestamp, 0, index),
    };
  }

  /** Whether generated event `index` belongs to one of `streams` (cheap: no message made). */
  generatedInStreams(index: number, streams: Set<string>): boolean {
    const names = this.generated!.streamNames;
    return streams.has(names[Math.floor(index / BLOCK) % names.length]);
  }

  /** Writes one event now, as a workflow run does. */
  append(logStreamName: string, message: string, timestamp: number): void {
    let stream = this.appendedStreams.get(logStreamName);
    if (!stream) {
      stream = { creationTime: timestamp, events: [] };
      this.appendedStreams.set(logStreamName, stream);
    }
    const event: LogEvent = {
      logStreamName,
      timestamp,
      message,
      ingestionTime: timestamp,
      eventId: eventId(timestamp, 1, this.appended.length),
    };
    const position = lowerBound(
      0,
      this.appended.length,
      (at) => this.appended[at].timestamp,
      timestamp + 1,
    );
    this.appended.splice(position, 0, event);
    stream.events.splice(
      lowerBound(0, stream.events.length, (at) => stream.events[at].timestamp, timestamp + 1),
      0,
      event,
    );
  }

  /** Every stream's name and creation time. */
  streamList(): { logStreamName: string; creationTime: number }[] {
    const generated = (this.generated?.streamNames ?? []).map((logStreamName) => ({
      logStreamName,
      creationTime: this.creationTime,
    }));
    const appended = [...this.appendedStreams].map(([logStreamName, stream]) => ({
      logStreamName,
      creationTime: stream.creationTime,
    }));
    return [...generated, ...appended];
  }

  /** The events of one stream as seen at `now`; undefined when there is no such stream. */
  stream(logStreamName: string, now: number): StreamSequence | undefined {
    const appended = this.appendedStreams.get(logStreamName)?.events;
    if (appended) {
      return {
        length: appended.length,
        timeAt: (position) => appended[position].timestamp,
        eventAt: (position) => appended[position],
      };
    }

    const streamIndex = this.generated?.streamNames.indexOf(logStreamName) ?? -1;
    if (streamIndex < 0) return undefined;
    const streamCount = this.generated!.streamNames.length;
    const indexOf = (position: number) =>
      (Math.floor(position / BLOCK) * streamCount + streamIndex) * BLOCK + (position % BLOCK);

    const total = this.generatedCount(now);
    const blocks = Math.floor(total / BLOCK);
    const fullCycles = Math.floor(blocks / streamCount);
    const extraBlock = streamIndex < blocks % streamCount ? 1 : 0;
    const partial = blocks % streamCount === streamIndex ? total % BLOCK : 0;
    return {
      length: (fullCycles + extraBlock) * BLOCK + partial,
      timeAt: (position) => this.generatedTime(indexOf(position)),
      eventAt: (position) => this.generatedEvent(indexOf(position)),
    };
  }

  /** Bytes stored, as DescribeLogGroups reports them (estimated for generated events). */
  storedBytes(now: number): number {
    const count = this.generatedCount(now);
    const sample = Math.min(count, 50);
    let sampleBytes = 0;
    for (let index = 0; index < sample; index++) {
      sampleBytes += Buffer.byteLength(this.generatedEvent(index).message) + 26;
    }
    const generated = sample ? Math.round((sampleBytes / sample) * count) : 0;
    return this.appended.reduce(
      (sum, event) => sum + Buffer.byteLength(event.message) + 26,
      generated,
    );
  }
}

/** A 56-digit event id like AWS's: the time, where the event came from, and its position. */
function eventId(timestamp: number, source: number, position: number): string {
  return `${String(timestamp).padStart(15, '0')}${source}${String(position).padStart(40, '0')}`;
}

/** Every log group of the account, by name. */
export class LogStore {
  private readonly groups = new Map<string, LogGroup>();

  /** Adds a group. */
  add(group: LogGroup): void {
    this.groups.set(group.name, group);
  }

  /** The group named `name`, if it exists. */
  get(name: string): LogGroup | undefined {
    return this.groups.get(name);
  }

  /** Every group in name order, as DescribeLogGroups lists them. */
  list(): LogGroup[] {
    return [...this.groups.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}
