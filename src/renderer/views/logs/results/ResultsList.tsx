import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { RESULTS_LIST_ID } from '../useLogsKeyboard';
import { ResultRow, RowPlaceholder } from './ResultRow';

/** Every row has this height, so the list never measures and a million rows scroll smoothly. */
export const ROW_HEIGHT = 28;

/**
 * The matching events, newest first, virtualized: only the rows in view are
 * drawn, and only their pages are fetched.
 */
export function ResultsList() {
  const logs = useStores().logs;
  const total = useStore(logs.search, (state) => state.total);
  const rows = useStore(logs.search, (state) => state.rows);
  const searchSeq = useStore(logs.search, (state) => state.searchSeq);
  // While a search runs or its query is wrong, "no events match" would say something untrue.
  const settled = useStore(logs.search, (state) => !state.searching && !state.queryError);
  useStore(logs.search, (state) => state.rowsVersion);
  const selectedIndex = useStore(logs.selection, (state) => state.selectedIndex);
  const openId = useStore(logs.selection, (state) => state.record?.id);
  const timeZone = useStore(logs.histogram, (state) => state.timeZone);
  const sources = useStore(logs.sources, (state) => state.sources);
  const sourceNames = useMemo(
    () => new Map(sources.map((source) => [source.sourceId, source.name])),
    [sources],
  );

  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual keeps mutable state the React compiler cannot follow; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    rows?.want(first, last);
  }, [rows, first, last]);

  // A new query or range starts at the top, where its newest events are; a
  // refresh while files load keeps the place.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [searchSeq]);

  useEffect(() => {
    if (selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const openRow = useCallback(
    (index: number) => {
      logs.selection.getState().select(index);
      void logs.selection.getState().openSelected();
      scroller.current?.focus();
    },
    [logs],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const selection = logs.selection.getState();
    const pageRows = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1,
    );
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: pageRows,
      PageUp: -pageRows,
    };
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      selection.moveToEdge(event.key === 'Home' ? 'first' : 'last', total);
    } else if (event.key in steps) {
      event.preventDefault();
      selection.move(steps[event.key], total);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void selection.openSelected();
    }
  };

  return (
    <div
      id={RESULTS_LIST_ID}
      ref={scroller}
      className="results-list"
      role="listbox"
      aria-label="Matching events"
      tabIndex={0}
      aria-activedescendant={selectedIndex === null ? undefined : `result-${selectedIndex}`}
      onKeyDown={onKeyDown}
    >
      {total === 0 && settled && <p className="results-empty">No events match.</p>}
      <div className="results-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows?.rowAt(item.index);
          if (!row) return <RowPlaceholder key={item.key} top={item.start} />;
          return (
            <ResultRow
              key={item.key}
              index={item.index}
              row={row}
              top={item.start}
              timeZone={timeZone}
              sourceName={sourceNames.get(row.sourceId) ?? row.sourceId}
              selected={item.index === selectedIndex}
              open={row.id === openId}
              onOpen={openRow}
            />
          );
        })}
      </div>
    </div>
  );
}
