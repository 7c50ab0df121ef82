import { invalidParameter, type AwsError } from './errors';

/**
 * How pages of one operation are cut. AWS returns empty pages that still carry
 * a next token, and caps log pages at 10,000 events or 1 MB; clients must
 * follow every token, and the sandbox can be told to make them.
 */
export interface PageShape {
  /** Empty pages (with a next token) served before the first real one. */
  emptyPagesBefore?: number;
  /** Most items (log events, images, ...) on one page. */
  maxEvents?: number;
  /** Most bytes of log events on one page, counted as AWS does. */
  maxBytes?: number;
  /** A next token used after this many pages of a listing answers "expired" (FilterLogEvents). */
  expireTokenAfter?: number;
  /** Each page starts with the previous page's last event again, as AWS sometimes does. */
  repeatLastEvent?: boolean;
}

/** Where a paginated listing stands; carried inside an opaque next token. */
export interface PageCursor<Position> {
  position: Position;
  /** How many forced empty pages this listing has already served. */
  emptiesServed: number;
  /** Pages served with tokens of this listing, for token expiry. */
  pagesServed?: number;
}

/** Page shapes per operation name, set through the control API. */
export class PageShapes {
  private readonly shapes = new Map<string, PageShape>();

  /** Sets the shape for `operation`; `null` restores AWS's defaults. */
  set(operation: string, shape: PageShape | null): void {
    if (shape === null) this.shapes.delete(operation);
    else this.shapes.set(operation, shape);
  }

  /** The shape for `operation`, empty when none was set. */
  get(operation: string): PageShape {
    return this.shapes.get(operation) ?? {};
  }

  /** Restores every default. */
  clear(): void {
    this.shapes.clear();
  }
}

/** Wraps a cursor as an opaque token, as AWS's tokens are opaque. */
export function encodePageToken<Position>(cursor: PageCursor<Position>): string {
  const pages = cursor.pagesServed ? { n: cursor.pagesServed } : {};
  return Buffer.from(
    JSON.stringify({ p: cursor.position, e: cursor.emptiesServed, ...pages }),
  ).toString('base64');
}

/** Reads a token back; a token the sandbox never issued is a client error. */
export function decodePageToken<Position>(
  token: string | undefined,
  start: Position,
  invalid: (message: string) => AwsError = invalidParameter,
): PageCursor<Position> {
  if (token === undefined || token === '') return { position: start, emptiesServed: 0 };
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {
      p: Position;
      e: number;
      n?: number;
    };
    if (decoded.p === undefined || typeof decoded.e !== 'number') throw new Error('shape');
    return { position: decoded.p, emptiesServed: decoded.e, pagesServed: decoded.n ?? 0 };
  } catch {
    throw invalid('The specified nextToken is invalid.');
  }
}

/** One page of a listing and the token for the next, if any. */
export interface Page<Item> {
  items: Item[];
  nextToken?: string;
}

/** Cuts one page from a complete list, honouring the request's limit and the page shape. */
export function pageOfList<Item>(
  all: readonly Item[],
  request: { nextToken?: string; limit?: number },
  shape: PageShape,
  defaultLimit: number,
  invalid?: (message: string) => AwsError,
): Page<Item> {
  const cursor = decodePageToken<number>(request.nextToken, 0, invalid);
  if (typeof cursor.position !== 'number') throw (invalid ?? invalidParameter)('Bad token.');

  if (cursor.emptiesServed < (shape.emptyPagesBefore ?? 0)) {
    const nextToken = encodePageToken({ ...cursor, emptiesServed: cursor.emptiesServed + 1 });
    return { items: [], nextToken };
  }

  const limit = Math.min(request.limit ?? defaultLimit, shape.maxEvents ?? Infinity);
  const end = cursor.position + limit;
  const items = all.slice(cursor.position, end);
  if (end >= all.length) return { items };
  return {
    items,
    nextToken: encodePageToken({ position: end, emptiesServed: cursor.emptiesServed }),
  };
}
