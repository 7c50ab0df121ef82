import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  appendFile,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  truncate,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { PulledEvent } from './pulledEvent';
import type { TimeRange } from './timeRanges';

/** One slice of an unfinished pull: its range, the file its events go to, and whether it ended. */
export interface SliceState extends TimeRange {
  segment: string;
  done: boolean;
}

/**
 * What Opsdesk remembers about pulling one log group (with one filter) in one
 * environment, so that a refresh pulls only what is new and an interrupted
 * pull resumes.
 */
export interface GroupPullState {
  version: 1;
  environment: string;
  logGroup: string;
  filterPattern?: string;
  /** Ranges pulled to the end, merged. */
  covered: TimeRange[];
  /** Id and time of events just before the newest covered end, dropped when a refresh overlaps it. */
  boundaryEvents: [eventId: string, timestamp: number][];
  /** A pull that has not finished, to resume. */
  unfinished?: { pullId: string; slices: SliceState[]; logStreamNames?: string[] };
}

/** Where a slice stands, read from the end of its segment file. */
export interface SegmentTail {
  /** The newest timestamp written; the slice resumes from it. */
  lastTimestamp: number;
  /** Ids of the events written at that timestamp, which the resumed slice drops. */
  idsAtLast: string[];
}

/** Bytes read from a segment's end to find where it stopped. */
const TAIL_BYTES = 256 * 1024;

/**
 * Pulled events on disk: per environment and log group a state file and
 * JSON-lines segments, one per slice, appended as pages arrive. The command
 * line's `logs --env` reads them; the app resumes and refreshes from them.
 */
export class PullStore {
  constructor(readonly dataDir: string) {}

  /** The folder of one environment's pulls. */
  environmentFolder(environment: string): string {
    return path.join(this.dataDir, 'logpull', safeName(environment));
  }

  /** The folder of one log group pulled with one filter pattern. */
  groupFolder(environment: string, logGroup: string, filterPattern?: string): string {
    const filter = filterPattern ? `~${shortHash(filterPattern)}` : '';
    return path.join(this.environmentFolder(environment), `${safeName(logGroup)}${filter}`);
  }

  /** The group's state; a fresh one when it was never pulled. */
  async readState(
    environment: string,
    logGroup: string,
    filterPattern?: string,
  ): Promise<GroupPullState> {
    const file = path.join(this.groupFolder(environment, logGroup, filterPattern), 'state.json');
    try {
      return JSON.parse(await readFile(file, 'utf8')) as GroupPullState;
    } catch {
      return {
        version: 1,
        environment,
        logGroup,
        ...(filterPattern ? { filterPattern } : {}),
        covered: [],
        boundaryEvents: [],
      };
    }
  }

  /** Replaces the state file whole, so a crash leaves the old or the new one. */
  async writeState(state: GroupPullState): Promise<void> {
    const folder = this.groupFolder(state.environment, state.logGroup, state.filterPattern);
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, 'state.json');
    await writeFile(`${file}.tmp`, JSON.stringify(state));
    await rename(`${file}.tmp`, file);
  }

  /** The path of a segment of a group's folder. */
  segmentPath(state: GroupPullState, segment: string): string {
    return path.join(
      this.groupFolder(state.environment, state.logGroup, state.filterPattern),
      segment,
    );
  }

  /** Appends events to a segment, one JSON line each. */
  async appendEvents(file: string, events: readonly PulledEvent[]): Promise<void> {
    if (events.length === 0) return;
    let text = '';
    for (const event of events) {
      text += `${JSON.stringify({ t: event.timestamp, s: event.logStreamName, i: event.eventId, m: event.message })}\n`;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await appendFile(file, text);
  }

  /**
   * Where a segment stopped: its newest timestamp and the ids written at it.
   * A line cut short by a crash is removed first.
   */
  async readTail(file: string): Promise<SegmentTail | undefined> {
    let handle;
    try {
      handle = await open(file, 'r');
    } catch {
      return undefined;
    }
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - TAIL_BYTES);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      const text = buffer.toString('utf8');
      const lastBreak = text.lastIndexOf('\n');
      if (lastBreak < text.length - 1) await truncate(file, start + lastBreak + 1);
      const lines = text
        .slice(0, lastBreak + 1)
        .split('\n')
        .filter(Boolean);
      if (start > 0) lines.shift();

      const events = lines.flatMap((line) => {
        const event = readLine(line);
        return event ? [event] : [];
      });
      if (events.length === 0) return undefined;
      const lastTimestamp = Math.max(...events.map((event) => event.timestamp));
      const idsAtLast = events
        .filter((event) => event.timestamp === lastTimestamp)
        .map((event) => event.eventId);
      return { lastTimestamp, idsAtLast };
    } finally {
      await handle.close();
    }
  }

  /** Every group folder of an environment that holds pulled events. */
  async pulledGroups(environment: string): Promise<GroupPullState[]> {
    const folder = this.environmentFolder(environment);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return [];
    }
    const states: GroupPullState[] = [];
    for (const name of names.sort()) {
      try {
        const text = await readFile(path.join(folder, name, 'state.json'), 'utf8');
        states.push(JSON.parse(text) as GroupPullState);
      } catch {
        // A folder without a state file holds nothing that was pulled.
      }
    }
    return states;
  }

  /** The segment files of a group, in name order (a pull's slices in time order). */
  async segments(state: GroupPullState): Promise<string[]> {
    const folder = this.groupFolder(state.environment, state.logGroup, state.filterPattern);
    const names = await readdir(folder).catch(() => [] as string[]);
    return names
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .map((name) => path.join(folder, name));
  }

  /** Reads a segment back in batches of events. */
  async *readSegment(file: string, batchSize = 5000): AsyncGenerator<PulledEvent[]> {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let batch: PulledEvent[] = [];
    for await (const line of lines) {
      const event = readLine(line);
      if (event) batch.push(event);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/** The name of a segment of a pull's slice; sorts by pull, then slice. */
export function segmentName(pullId: string, slice: number): string {
  return `${pullId}-${String(slice).padStart(3, '0')}.jsonl`;
}

function readLine(line: string): PulledEvent | undefined {
  try {
    const stored = JSON.parse(line) as { t: number; s: string; i: string; m: string };
    return { timestamp: stored.t, logStreamName: stored.s, eventId: stored.i, message: stored.m };
  } catch {
    return undefined;
  }
}

/** A file name that keeps a log group's name readable: `/ecs/demo/web` → `ecs_demo_web`. */
function safeName(name: string): string {
  const readable = name.replace(/^\/+/, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return readable === name ? name : `${readable}-${shortHash(name)}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
