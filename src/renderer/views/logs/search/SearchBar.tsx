import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { RESULTS_LIST_ID, SEARCH_INPUT_ID } from '../useLogsKeyboard';
import { QueryErrorView } from './QueryErrorView';
import { TimeRangeControl } from './TimeRangeControl';
import './search.css';

const PLACEHOLDER =
  'Search: words, "a phrase", -exclude, status:>=500, (level:error OR level:warn)';

/** The search box (runs on Enter and when typing pauses), its syntax error, and the time range. */
export function SearchBar() {
  const logs = useStores().logs;
  const queryText = useStore(logs.search, (state) => state.queryText);

  return (
    <div className="search-bar">
      <div className="search-field">
        <input
          id={SEARCH_INPUT_ID}
          data-testid="search-input"
          className="search-input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          aria-label="Search query"
          placeholder={PLACEHOLDER}
          value={queryText}
          onChange={(event) => logs.search.getState().setQueryText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              logs.search.getState().submitQuery();
            } else if (event.key === 'ArrowDown') {
              event.preventDefault();
              logs.selection.getState().move(1, logs.search.getState().total);
              document.getElementById(RESULTS_LIST_ID)?.focus();
            }
          }}
        />
        <kbd className="search-hint" title="Focus the search with / or Ctrl+F">
          /
        </kbd>
        <QueryErrorView />
      </div>
      <TimeRangeControl />
    </div>
  );
}
