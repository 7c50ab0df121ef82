import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { formatDuration } from '../model/numberFormat';
import { ResultsList } from './ResultsList';
import './results.css';
import { countOf } from '../../../format/plural';

/** The count of matching events, the column heads and the list of rows. */
export function ResultsPanel() {
  const search = useStores().logs.search;
  const total = useStore(search, (state) => state.total);
  const tookMs = useStore(search, (state) => state.tookMs);
  const searching = useStore(search, (state) => state.searching);

  return (
    <section className="results-panel">
      <div className="results-summary">
        <span className="match-count" data-testid="match-count" data-count={total}>
          {countOf(total, 'matching event')}
        </span>
        {tookMs !== null && <span className="muted">in {formatDuration(tookMs)}</span>}
        {searching && <span className="muted searching">searching…</span>}
        <span className="muted results-order">newest first</span>
      </div>
      <div className="results-head" aria-hidden="true">
        <span>Time</span>
        <span>Level</span>
        <span>Source</span>
        <span>Message and fields</span>
      </div>
      <ResultsList />
    </section>
  );
}
