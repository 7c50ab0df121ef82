/** The part of a query shown around a syntax error, split at the offending character. */
export interface QueryErrorExcerpt {
  before: string;
  /** The character the error points at; a space when it points past the end. */
  at: string;
  after: string;
  /** Whether text was cut off on either side to keep the excerpt short. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/**
 * Cuts a window of the query around the error position so the caret stays
 * in view even for a long query.
 */
export function queryErrorExcerpt(query: string, position: number, width = 80): QueryErrorExcerpt {
  const at = Math.max(0, Math.min(position, query.length));
  const half = Math.floor(width / 2);
  const start = Math.max(0, Math.min(at - half, query.length - width));
  const end = Math.min(query.length, start + width);
  return {
    before: query.slice(start, at),
    at: at < query.length ? query[at] : ' ',
    after: query.slice(at + 1, end),
    cutBefore: start > 0,
    cutAfter: end < query.length,
  };
}
