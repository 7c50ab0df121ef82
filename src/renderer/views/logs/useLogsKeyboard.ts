import { useEffect } from 'react';
import type { LogsStores } from './stores/logsStores';

/** Id of the search input, which `/` and Ctrl+F focus. */
export const SEARCH_INPUT_ID = 'log-search';

/** Id of the results list, which arrow keys drive once focused. */
export const RESULTS_LIST_ID = 'log-results';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The view-wide keys: `/` or Ctrl+F focuses the search, Escape closes the
 * event detail. Keys inside the list are the list's own.
 */
export function useLogsKeyboard(logs: LogsStores): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const findKey = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
      if (findKey || (event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        const input = document.getElementById(SEARCH_INPUT_ID);
        if (input instanceof HTMLInputElement) {
          input.focus();
          input.select();
        }
        return;
      }

      if (event.key === 'Escape' && logs.selection.getState().record) {
        event.preventDefault();
        logs.selection.getState().closeRecord();
        document.getElementById(RESULTS_LIST_ID)?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [logs]);
}
