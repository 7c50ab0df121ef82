import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { queryErrorExcerpt } from '../model/queryErrorExcerpt';

/** Characters of the query shown around the error: what fits the box beside the time range. */
const EXCERPT_WIDTH = 44;

/** The query's syntax error under the box, with the query marked where it went wrong. */
export function QueryErrorView() {
  const queryError = useStore(useStores().logs.search, (state) => state.queryError);
  if (!queryError) return null;

  const excerpt =
    queryError.position === undefined
      ? null
      : queryErrorExcerpt(queryError.query, queryError.position, EXCERPT_WIDTH);
  const lead = excerpt ? (excerpt.cutBefore ? 1 : 0) + excerpt.before.length : 0;

  return (
    <div className="query-error" role="alert" data-testid="search-error">
      {excerpt && (
        <pre className="query-excerpt" aria-hidden="true">
          {excerpt.cutBefore && '…'}
          {excerpt.before}
          <mark>{excerpt.at}</mark>
          {excerpt.after}
          {excerpt.cutAfter && '…'}
          {'\n'}
          {' '.repeat(lead)}
          <span className="query-caret">^</span>
        </pre>
      )}
      <span className="query-error-message">{queryError.message}</span>
    </div>
  );
}
