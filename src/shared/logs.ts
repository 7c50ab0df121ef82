import { z } from 'zod';

/** Severity levels every format is normalised to, from least to most severe. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'unknown'] as const;

/** A normalised severity level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A parsed field value: numbers stay numbers so they can be compared. */
export type FieldValue = string | number | boolean;

/** Histogram bucket widths the user can pick; `auto` picks one from the range. */
export const BUCKET_CHOICES = ['auto', '15m', 'hour', 'day'] as const;

/** A bucket width as requested. */
export type BucketChoice = (typeof BUCKET_CHOICES)[number];

/** A bucket width as used, after `auto` was resolved. */
export type BucketWidth = Exclude<BucketChoice, 'auto'>;

/** One log file (or pulled log group) loaded into the local index. */
export interface LogSource {
  sourceId: string;
  /** What the user recognises it by: the file name. */
  name: string;
  path: string;
  /** Format id detected from the first lines, e.g. `nginx-combined`. */
  format: string;
  sizeBytes: number;
  state: 'loading' | 'ready' | 'failed';
  /** Events indexed so far. */
  records: number;
  /** Why loading failed, or a warning such as "binary file". */
  problem?: string;
  firstTime?: number;
  lastTime?: number;
}

/** Progress of loading one source, sent while it is read, parsed and indexed. */
export interface LoadProgress {
  sourceId: string;
  name: string;
  bytesRead: number;
  totalBytes: number;
  records: number;
  done: boolean;
  problem?: string;
}

/** One matching event as shown in the results list. */
export interface LogRow {
  id: number;
  /** Epoch milliseconds UTC; null when the event carries no recognisable time. */
  time: number | null;
  level: LogLevel;
  sourceId: string;
  message: string;
  fields: Record<string, FieldValue>;
}

/** One page of search results, newest first. */
export interface SearchPage {
  total: number;
  offset: number;
  rows: LogRow[];
  tookMs: number;
}

/** Everything known about one event, including its raw text. */
export interface LogRecordDetail extends LogRow {
  /** The event's text; only its first megabyte when `rawTruncated`. */
  raw: string;
  rawTruncated?: boolean;
  /** Length of the whole text in characters, when it was cut. */
  rawLength?: number;
  sourceName: string;
  format: string;
  /** First physical line of the event in its source, 1-based. */
  lineNumber: number;
}

/** Counts of matching events in one bucket, per level. */
export interface HistogramBucket {
  /** Epoch ms of the bucket's start (a local midnight for day buckets). */
  start: number;
  end: number;
  counts: Record<LogLevel, number>;
}

/** Matching events counted per time bucket in the user's time zone. */
export interface Histogram {
  bucket: BucketWidth;
  timeZone: string;
  buckets: HistogramBucket[];
  total: number;
  /** Matching events without a time, which no bucket can hold. */
  untimed: number;
  tookMs: number;
}

/** A field the index knows, so the search box can suggest it. */
export interface FieldInfo {
  name: string;
  kind: 'number' | 'keyword';
  /** Events carrying the field. */
  count: number;
}

const timeRange = {
  /** Inclusive lower bound, epoch ms. */
  from: z.number().finite().optional(),
  /** Exclusive upper bound, epoch ms. */
  to: z.number().finite().optional(),
};

/** Request to open local files into the index. */
export const openLogsRequest = z.object({ paths: z.array(z.string().min(1)).min(1).max(200) });

/** Request for one page of matching events. */
export const searchRequest = z.object({
  query: z.string().max(10_000),
  ...timeRange,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5_000).default(200),
});

/** Request for the histogram of matching events. */
export const histogramRequest = z.object({
  query: z.string().max(10_000),
  ...timeRange,
  bucket: z.enum(BUCKET_CHOICES).default('auto'),
  timeZone: z.string().min(1).max(100),
});

/** Request for one event in full. */
export const recordRequest = z.object({ id: z.number().int().min(0) });

/** Request naming one loaded source. */
export const sourceRequest = z.object({ sourceId: z.string().min(1) });

/** Parsed request types, as services receive them. */
export type OpenLogsRequest = z.infer<typeof openLogsRequest>;
export type SearchRequest = z.infer<typeof searchRequest>;
export type HistogramRequest = z.infer<typeof histogramRequest>;
