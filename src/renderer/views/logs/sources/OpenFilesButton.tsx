import { useRef } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';

/** "Open files…": a button driving a hidden multi-file input. */
export function OpenFilesButton() {
  const store = useStores().logs.sources;
  const opening = useStore(store, (state) => state.opening);
  const input = useRef<HTMLInputElement>(null);

  return (
    <>
      <button
        type="button"
        className="button primary"
        data-testid="open-files-button"
        disabled={opening}
        onClick={() => input.current?.click()}
      >
        {opening ? 'Opening…' : 'Open files…'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="open-files-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so that picking the same file again still fires a change.
          event.target.value = '';
          void store.getState().openFiles(files);
        }}
      />
    </>
  );
}
