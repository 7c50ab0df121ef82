import { basename } from 'node:path';
import type { ParsedEvent } from '../../logparse';
import type {
  FieldInfo,
  Histogram,
  HistogramRequest,
  LoadProgress,
  LogRecordDetail,
  LogRow,
  LogSource,
  SearchPage,
  SearchRequest,
} from '../../shared/logs';
import { OpsdeskError } from '../../shared/result';
import { RecordSet } from './bitset';
import { assertTimeZone, bucketBoundaries, countBuckets, resolveBucket } from './histogram';
import type { EventBatch, LogService } from './logService';
import type { QueryMatch } from './query/evaluate';
import { evaluateQuery } from './query/evaluate';
import { fileFingerprint } from './fileFingerprint';
import { parseQuery } from './query/parser';
import { loadSource } from './sourceLoader';
import { RecordStore } from './store/recordStore';
import { TimeOrder } from './timeOrder';
import { WordIndex } from './wordIndex';

/** A page of results with what the user should know about the query. */
export interface EngineSearchPage extends SearchPage {
  /** E.g. a field no loaded event has; the query still ran. */
  warnings?: string[];
}

interface SourceEntry {
  source: LogSource;
  closed: boolean;
  /** Set for files; see fileFingerprint. */
  fingerprint?: string;
}

/** Most raw text one record detail carries: enough to read, small enough to show at once. */
export const MAX_DETAIL_RAW_CHARS = 1 << 20;

/**
 * The log engine: loads files into a column store and a block word index, and
 * answers searches and histograms from them.
 *
 * A plain class that runs on whichever thread creates it: the app runs it in
 * a worker (see engineWorker.ts), tests and the command line run it directly.
 * Files load one after another; searches made meanwhile see what is loaded.
 */
export class LogEngine implements LogService {
  private readonly store = new RecordStore();
  private readonly words = new WordIndex();
  private readonly order = new TimeOrder(this.store);
  private readonly entries: SourceEntry[] = [];
  private readonly keyedEntries = new Map<string, SourceEntry>();
  private readonly listeners = new Set<(progress: LoadProgress) => void>();
  private loadQueue: Promise<void> = Promise.resolve();
  private closedCount = 0;
  private liveCache?: { key: string; live: RecordSet };
  private matchCache?: { key: string; match: QueryMatch };

  constructor(private readonly now: () => number = Date.now) {}

  /** Opens files; a file already open (by fingerprint) is not loaded, or counted, twice. */
  async open(paths: string[]): Promise<LogSource[]> {
    const opened: SourceEntry[] = [];
    for (const path of paths) {
      const fingerprint = await fileFingerprint(path);
      const already = this.entries.find(
        (entry) => !entry.closed && fingerprint !== undefined && entry.fingerprint === fingerprint,
      );
      if (already) {
        if (!opened.includes(already)) opened.push(already);
        continue;
      }
      const entry = this.register(path);
      entry.fingerprint = fingerprint;
      opened.push(entry);
      this.loadQueue = this.loadQueue.then(() => this.load(entry));
    }
    return opened.map((entry) => ({ ...entry.source }));
  }

  /**
   * Adds events that did not come from a file, such as a CloudWatch pull, as
   * a source that is ready at once; returns that source.
   */
  addEvents(name: string, format: string, events: ParsedEvent[]): LogSource {
    const entry = this.register(name);
    entry.source.format = format;
    this.ingest(entry, this.entries.length - 1, events);
    entry.source.state = 'ready';
    return { ...entry.source };
  }

  async ingestEvents(batch: EventBatch): Promise<LogSource> {
    let entry = this.keyedEntries.get(batch.sourceKey);
    if (!entry || entry.closed) {
      entry = this.register(batch.sourceKey);
      entry.source.name = batch.name;
      this.keyedEntries.set(batch.sourceKey, entry);
    }
    entry.source.format = batch.format;
    entry.source.sizeBytes += batch.bytes;
    this.ingest(entry, this.entries.indexOf(entry), batch.events);
    entry.source.state = batch.done ? 'ready' : 'loading';
    const { sourceId, name, sizeBytes, records } = entry.source;
    // The size to come is unknown, so the total stays 0 and progress shows no fraction.
    const progress = {
      sourceId,
      name,
      bytesRead: sizeBytes,
      totalBytes: 0,
      records,
      done: batch.done,
    };
    this.listeners.forEach((listener) => listener(progress));
    return { ...entry.source };
  }

  /** Resolves when every file opened so far has finished loading. */
  whenLoaded(): Promise<void> {
    return this.loadQueue;
  }

  async sources(): Promise<LogSource[]> {
    return this.entries.filter((entry) => !entry.closed).map((entry) => ({ ...entry.source }));
  }

  async close(sourceId: string): Promise<void> {
    const entry = this.entries.find((candidate) => candidate.source.sourceId === sourceId);
    if (!entry || entry.closed)
      throw new OpsdeskError('not-found', `No open log has id ${sourceId}.`);
    // TODO: the closed source's records stay in memory until the engine is
    // disposed; reclaiming them needs the store and index compacted.
    entry.closed = true;
    this.closedCount += 1;
  }

  async search(request: SearchRequest): Promise<EngineSearchPage> {
    const started = performance.now();
    const match = this.match(request.query);
    const range = { from: request.from, to: request.to };
    const hasRange = range.from !== undefined || range.to !== undefined;
    const rows: LogRow[] = [];
    const end = request.offset + request.limit;
    let seen = 0;
    this.order.forEachInOrder(match.records, range, (id) => {
      if (seen >= request.offset && seen < end) rows.push(this.row(id));
      seen += 1;
      // Without a range the total is a bit count, so stop once the page is full.
      return hasRange || seen < end;
    });
    const total = hasRange ? seen : match.records.count();
    const page: EngineSearchPage = {
      total,
      offset: request.offset,
      rows,
      tookMs: performance.now() - started,
    };
    if (match.warnings.length > 0) page.warnings = match.warnings;
    return page;
  }

  async histogram(request: HistogramRequest): Promise<Histogram> {
    const started = performance.now();
    assertTimeZone(request.timeZone);
    const match = this.match(request.query);
    const { time, level } = this.store;
    const hasRange = request.from !== undefined || request.to !== undefined;

    let earliest = Infinity;
    let latest = -Infinity;
    let untimed = 0;
    match.records.forEach((id) => {
      const at = time[id];
      if (Number.isNaN(at)) untimed += 1;
      else {
        if (at < earliest) earliest = at;
        if (at > latest) latest = at;
      }
    });
    const from = request.from ?? earliest;
    const to = request.to ?? latest + 1;
    const bucket = resolveBucket(
      request.bucket,
      Number.isFinite(from) ? from : 0,
      Number.isFinite(to) ? to : 0,
    );

    const buckets =
      Number.isFinite(from) && Number.isFinite(to) && from < to
        ? countBuckets(bucketBoundaries(bucket, from, to, request.timeZone), (visit) =>
            match.records.forEach((id) => {
              if (time[id] >= from && time[id] < to) visit(time[id], level[id]);
            }),
          )
        : [];
    const inBuckets = buckets.reduce(
      (sum, entry) => sum + Object.values(entry.counts).reduce((a, b) => a + b, 0),
      0,
    );
    // With a time range untimed events match nothing, as in search.
    const untimedShown = hasRange ? 0 : untimed;
    return {
      bucket,
      timeZone: request.timeZone,
      buckets,
      total: inBuckets + untimedShown,
      untimed: untimedShown,
      tookMs: performance.now() - started,
    };
  }

  async record(id: number): Promise<LogRecordDetail> {
    const entry = id < this.store.size ? this.entries[this.store.source[id]] : undefined;
    if (!entry || entry.closed)
      throw new OpsdeskError('not-found', `No loaded event has id ${id}.`);
    const raw = this.store.texts[id];
    const truncated = raw.length > MAX_DETAIL_RAW_CHARS;
    return {
      ...this.row(id),
      raw: truncated ? raw.slice(0, MAX_DETAIL_RAW_CHARS) : raw,
      ...(truncated ? { rawTruncated: true, rawLength: raw.length } : {}),
      sourceName: entry.source.name,
      format: entry.source.format,
      lineNumber: this.store.lineNumber[id],
    };
  }

  async fields(): Promise<FieldInfo[]> {
    return this.store.fields.describe();
  }

  onProgress(listener: (progress: LoadProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
    for (const entry of this.entries) entry.closed = true;
  }

  private register(path: string): SourceEntry {
    const index = this.entries.length;
    const source: LogSource = {
      sourceId: `source-${index + 1}`,
      name: basename(path),
      path,
      format: 'unknown',
      sizeBytes: 0,
      state: 'loading',
      records: 0,
    };
    const entry = { source, closed: false };
    this.entries.push(entry);
    return entry;
  }

  private async load(entry: SourceEntry): Promise<void> {
    const sourceIndex = this.entries.indexOf(entry);
    await loadSource(entry.source, {
      ingest: (events) => this.ingest(entry, sourceIndex, events),
      expect: (events) => this.store.reserve(events),
      progress: (progress) => this.listeners.forEach((listener) => listener(progress)),
      now: this.now,
      cancelled: () => entry.closed,
    });
  }

  private ingest(entry: SourceEntry, sourceIndex: number, events: ParsedEvent[]): void {
    const { source } = entry;
    for (const event of events) {
      const id = this.store.append(event, sourceIndex);
      this.words.add(id, event.text, valuesMissingFromText(event));
      if (event.time !== undefined && !Number.isNaN(event.time)) {
        if (source.firstTime === undefined || event.time < source.firstTime)
          source.firstTime = event.time;
        if (source.lastTime === undefined || event.time > source.lastTime)
          source.lastTime = event.time;
      }
    }
    source.records += events.length;
  }

  /** The match set of a query, reused while the query and the loaded data stay the same. */
  private match(query: string): QueryMatch {
    const node = parseQuery(query);
    const key = `${this.store.size}/${this.closedCount}/${query}`;
    if (this.matchCache?.key === key) return this.matchCache.match;
    const match = evaluateQuery(node, {
      store: this.store,
      words: this.words,
      live: this.live(),
      sourceNames: this.entries.map((entry) => entry.source.name),
    });
    this.matchCache = { key, match };
    return match;
  }

  /** Records of sources still open. */
  private live(): RecordSet {
    const { size, source } = this.store;
    const key = `${size}/${this.closedCount}`;
    if (this.liveCache?.key === key) return this.liveCache.live;
    let live: RecordSet;
    if (this.closedCount === 0) live = RecordSet.full(size);
    else {
      const closed = this.entries.map((entry) => entry.closed);
      live = new RecordSet(size);
      for (let id = 0; id < size; id += 1) if (!closed[source[id]]) live.add(id);
    }
    this.liveCache = { key, live };
    return live;
  }

  private row(id: number): LogRow {
    const time = this.store.time[id];
    return {
      id,
      time: Number.isNaN(time) ? null : time,
      level: this.store.levelOf(id),
      sourceId: this.entries[this.store.source[id]].source.sourceId,
      message: this.store.message(id),
      fields: this.store.fieldsOf(id),
    };
  }
}

/** String field values the event's text does not contain, e.g. a derived field. */
function valuesMissingFromText(event: ParsedEvent): string[] {
  const missing: string[] = [];
  for (const name in event.fields) {
    const value = event.fields[name];
    if (typeof value === 'string' && !event.text.includes(value)) missing.push(value);
  }
  return missing;
}
