import type { ParsedEvent } from '../../logparse';
import type {
  FieldInfo,
  Histogram,
  HistogramRequest,
  LoadProgress,
  LogRecordDetail,
  LogSource,
  SearchPage,
  SearchRequest,
} from '../../shared/logs';

/**
 * The local log index as the rest of the main process sees it: open files,
 * search, count per time bucket. Parsing and indexing run off the calling
 * thread so the app never stalls.
 */
export interface LogService {
  /** Registers the files and starts loading them; resolves once registered. */
  open(paths: string[]): Promise<LogSource[]>;
  /** Adds events that come from no file (a CloudWatch pull) to a source named by key. */
  ingestEvents(batch: EventBatch): Promise<LogSource>;
  sources(): Promise<LogSource[]>;
  close(sourceId: string): Promise<void>;
  /** Throws OpsdeskError('query-syntax', message, position) on a bad query. */
  search(request: SearchRequest): Promise<SearchPage>;
  histogram(request: HistogramRequest): Promise<Histogram>;
  record(id: number): Promise<LogRecordDetail>;
  fields(): Promise<FieldInfo[]>;
  /** Progress of every load; returns the function that stops listening. */
  onProgress(listener: (progress: LoadProgress) => void): () => void;
  dispose(): Promise<void>;
}

/**
 * Parsed events that arrive without a file, such as a page of a CloudWatch
 * pull; batches with the same key grow one source.
 */
export interface EventBatch {
  /** Stable key of the source, e.g. `sandbox:/ecs/demo/web`; the first batch creates it. */
  sourceKey: string;
  /** What the user recognises the source by, e.g. the log group. */
  name: string;
  format: string;
  events: ParsedEvent[];
  /** Bytes the events arrived as, added to the source's size. */
  bytes: number;
  /** True on the last batch; until then the source shows as loading. */
  done: boolean;
}
