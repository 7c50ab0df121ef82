import { useStore } from 'zustand';
import { useStores } from '../stores/StoresContext';

/** The header: the current view's title and how the app is being served. */
export function AppHeader({ title }: { title: string }) {
  const info = useStore(useStores().appInfo, (state) => state.info);

  return (
    <header className="app-header">
      <h1>{title}</h1>
      {info && (
        <span
          className={`mode-badge mode-${info.mode}`}
          title={info.modeReason ?? `Opsdesk ${info.version} on ${info.platform}`}
        >
          {info.mode === 'electron' ? 'Desktop app' : 'Browser mode'}
          <span className="mode-version">v{info.version}</span>
        </span>
      )}
    </header>
  );
}
