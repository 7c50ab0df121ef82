import type { Failure, Result } from '../../../../shared/result';

/** What one page request answers: its rows and the current total. */
export interface RowsPage<Row> {
  total: number;
  rows: Row[];
}

/** Fetches the rows from `offset`, at most `limit` of them. */
export type PageFetcher<Row> = (offset: number, limit: number) => Promise<Result<RowsPage<Row>>>;

/** How a page cache fetches, how much it keeps, and whom it tells. */
export interface PageCacheOptions<Row> {
  fetchPage: PageFetcher<Row>;
  pageSize: number;
  /** Pages kept at most; the ones farthest from the visible rows go first. */
  maxPages?: number;
  /** Page requests running at once; more waiting rows wait for these. */
  maxInFlight?: number;
  /** A page arrived; `total` is what that answer reported. */
  onPage: (total: number) => void;
  onFailure: (failure: Failure) => void;
}

/**
 * Rows of one search result, fetched page by page as they come into view.
 *
 * Only the pages covering the rows last asked for are requested, a few at a
 * time: scrolling quickly through a million rows skips the pages passed over
 * instead of queueing them all. A cache belongs to one search; a new search
 * gets a new cache and this one is disposed so late answers are dropped.
 */
export class PageCache<Row> {
  readonly pageSize: number;
  total: number;
  private readonly pages = new Map<number, Row[]>();
  private readonly stalePages: Map<number, Row[]>;
  private readonly inFlight = new Set<number>();
  private readonly failed = new Set<number>();
  private wanted: { first: number; last: number } | null = null;
  private disposed = false;
  private readonly maxPages: number;
  private readonly maxInFlight: number;

  /**
   * @param replaces the cache of the same search before a refresh: its rows
   *   are shown until the fresh ones arrive, so rows in view do not blank
   *   out each time the results refresh while files load.
   */
  constructor(
    private readonly options: PageCacheOptions<Row>,
    firstPage: RowsPage<Row>,
    replaces?: PageCache<Row>,
  ) {
    this.pageSize = options.pageSize;
    this.stalePages = replaces?.pageSize === options.pageSize ? replaces.pages : new Map();
    this.maxPages = options.maxPages ?? 50;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.total = firstPage.total;
    this.pages.set(0, firstPage.rows);
  }

  /** The row at an index, or undefined while its page is not loaded. */
  rowAt(index: number): Row | undefined {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page) ?? this.stalePages.get(page);
    return index < this.total ? rows?.[index % this.pageSize] : undefined;
  }

  /** Asks for the rows from `first` to `last` (inclusive); missing pages are fetched. */
  want(first: number, last: number): void {
    this.wanted = { first: Math.max(0, first), last: Math.min(last, this.total - 1) };
    this.pump();
  }

  /** Number of pages held, for tests and diagnostics. */
  get loadedPages(): number {
    return this.pages.size;
  }

  /** Stops this cache: answers still under way are ignored. */
  dispose(): void {
    this.disposed = true;
  }

  private pump(): void {
    if (!this.wanted || this.disposed || this.wanted.last < this.wanted.first) return;
    const firstPage = Math.floor(this.wanted.first / this.pageSize);
    const lastPage = Math.floor(this.wanted.last / this.pageSize);

    for (let page = firstPage; page <= lastPage; page++) {
      if (this.inFlight.size >= this.maxInFlight) return;
      if (this.pages.has(page) || this.inFlight.has(page) || this.failed.has(page)) continue;
      void this.load(page);
    }
  }

  private async load(page: number): Promise<void> {
    this.inFlight.add(page);
    const result = await this.options.fetchPage(page * this.pageSize, this.pageSize);
    this.inFlight.delete(page);
    if (this.disposed) return;

    if (result.ok) {
      this.pages.set(page, result.value.rows);
      this.total = result.value.total;
      this.evictFarPages();
      this.options.onPage(this.total);
    } else {
      // A failed page is not retried by this cache, or every scroll would
      // repeat the same failure; the next search starts afresh.
      this.failed.add(page);
      this.options.onFailure(result.error);
    }
    this.pump();
  }

  private evictFarPages(): void {
    if (this.pages.size <= this.maxPages || !this.wanted) return;
    const centre = (this.wanted.first + this.wanted.last) / 2 / this.pageSize;
    const byDistance = [...this.pages.keys()].sort(
      (a, b) => Math.abs(b - centre) - Math.abs(a - centre),
    );
    for (const page of byDistance.slice(0, this.pages.size - this.maxPages)) {
      this.pages.delete(page);
    }
  }
}
