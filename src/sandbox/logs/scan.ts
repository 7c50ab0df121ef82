import { lowerBound, type LogEvent, type LogGroup } from './store';

/** Where a scan of one group stands: next generated index, next appended position. */
export interface ScanPosition {
  generated: number;
  appended: number;
}

/** The position of the first event at or after `startTime`. */
export function scanStart(group: LogGroup, startTime: number, now: number): ScanPosition {
  return {
    generated: lowerBound(0, group.generatedCount(now), (at) => group.generatedTime(at), startTime),
    appended: lowerBound(0, group.appended.length, (at) => group.appended[at].timestamp, startTime),
  };
}

/**
 * Walks a group's events in time order between a position and an end time
 * (inclusive), merging generated and appended events, optionally only some
 * streams. Stream checks cost no message generation.
 */
export class GroupScan {
  /** Events looked at so far, matching or not; AWS bounds the work of one page by it. */
  scanned = 0;
  readonly position: ScanPosition;
  private readonly generatedEnd: number;
  private readonly appendedEnd: number;

  constructor(
    private readonly group: LogGroup,
    start: ScanPosition,
    endTime: number,
    now: number,
    private readonly streams?: Set<string>,
  ) {
    this.position = { ...start };
    const count = group.generatedCount(now);
    this.generatedEnd = lowerBound(
      start.generated,
      count,
      (at) => group.generatedTime(at),
      endTime + 1,
    );
    const appended = group.appended;
    this.appendedEnd = lowerBound(
      start.appended,
      appended.length,
      (at) => appended[at].timestamp,
      endTime + 1,
    );
  }

  /** Goes back to an earlier position, e.g. to leave an event that did not fit for the next page. */
  rewind(to: ScanPosition): void {
    this.position.generated = to.generated;
    this.position.appended = to.appended;
  }

  /** True once every event in range has been visited. */
  get done(): boolean {
    return (
      this.position.generated >= this.generatedEnd && this.position.appended >= this.appendedEnd
    );
  }

  /** The next event in range from a chosen stream, or undefined at the end. */
  next(): LogEvent | undefined {
    while (!this.done) {
      this.scanned++;
      const { generated, appended } = this.position;
      const generatedLeft = generated < this.generatedEnd;
      const appendedLeft = appended < this.appendedEnd;
      const takeGenerated =
        generatedLeft &&
        (!appendedLeft ||
          this.group.generatedTime(generated) <= this.group.appended[appended].timestamp);

      if (takeGenerated) {
        this.position.generated++;
        if (this.streams && !this.group.generatedInStreams(generated, this.streams)) continue;
        return this.group.generatedEvent(generated);
      }
      this.position.appended++;
      const event = this.group.appended[appended];
      if (this.streams && !this.streams.has(event.logStreamName)) continue;
      return event;
    }
    return undefined;
  }
}
