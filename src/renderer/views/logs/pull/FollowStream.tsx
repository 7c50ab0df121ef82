import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { api } from '../../../api';
import { useStores } from '../../../stores/StoresContext';
import type { LogsStores } from '../stores/logsStores';
import { createTailStore, type TailState } from './tailStore';
import { countOf } from '../../../format/plural';

const tailStores = new WeakMap<LogsStores, StoreApi<TailState>>();

function useTailStore(): StoreApi<TailState> {
  const stores = useStores();
  let store = tailStores.get(stores.logs);
  if (!store) {
    store = createTailStore(api, stores.notices.getState().report);
    tailStores.set(stores.logs, store);
  }
  const tailStore = store;
  useEffect(
    () => api.logs.onTailLines((lines) => tailStore.getState().applyLines(lines)),
    [tailStore],
  );
  return tailStore;
}

/** Picks one log stream and follows it: new events are indexed as they arrive. */
export function FollowStream({ logGroups }: { logGroups: string[] }) {
  const store = useTailStore();
  const state = useStore(store);

  return (
    <details className="follow-stream">
      <summary>Follow a stream live</summary>
      <label className="pull-field">
        Log group
        <select
          value={state.logGroup}
          onChange={(event) => void state.chooseGroup(event.target.value)}
        >
          <option value="">Choose…</option>
          {logGroups.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {state.streams.length > 0 && (
        <label className="pull-field">
          Stream
          <select
            value={state.logStream}
            onChange={(event) => state.chooseStream(event.target.value)}
          >
            {state.streams.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="pull-actions">
        <button
          type="button"
          className="button"
          disabled={!state.logStream}
          onClick={() => void state.follow()}
        >
          Follow
        </button>
        {state.tailId && (
          <button type="button" className="button" onClick={() => void state.stop()}>
            Stop
          </button>
        )}
      </div>
      {state.tailId && (
        <p className="pull-outcome" role="status">
          Following {state.logStream}: {countOf(state.received, 'event')} so far.
        </p>
      )}
      {state.stopped && <p className="pull-error">Stopped following: {state.stopped}</p>}
    </details>
  );
}
