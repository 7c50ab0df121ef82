import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { OpenFilesButton } from './OpenFilesButton';
import { SourceItem } from './SourceItem';
import './sources.css';

/** The loaded files: what each is, how far it loaded, what went wrong; and opening more. */
export function SourcesPanel() {
  const store = useStores().logs.sources;
  const sources = useStore(store, (state) => state.sources);
  const progress = useStore(store, (state) => state.progress);

  return (
    <aside className="sources-panel" aria-label="Log sources">
      <div className="panel-header">
        <h2>Sources</h2>
        <OpenFilesButton />
      </div>
      {sources.length === 0 ? (
        <p className="sources-empty">
          No log files open. Use <strong>Open files…</strong> or drop files anywhere on this view.
        </p>
      ) : (
        <ul className="sources-list">
          {sources.map((source) => (
            <SourceItem
              key={source.sourceId}
              source={source}
              progress={progress[source.sourceId]}
              onClose={() => void store.getState().close(source.sourceId)}
            />
          ))}
        </ul>
      )}
    </aside>
  );
}
