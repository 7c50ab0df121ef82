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
