import { useEffect, useState } from 'react';
import { AppHeader } from './shell/AppHeader';
import { ErrorBanner } from './shell/ErrorBanner';
import { NavBar } from './shell/NavBar';
import { ViewErrorBoundary } from './shell/ViewErrorBoundary';
import { VIEWS, type ViewId } from './shell/views';
import { useStores } from './stores/StoresContext';
import { LogsView } from './views/logs/LogsView';

/** The app shell: navigation on the left, the header, failures, and the current view. */
export function App() {
  const stores = useStores();
  const [view, setView] = useState<ViewId>('logs');

  useEffect(() => {
    void stores.appInfo.getState().load();
  }, [stores]);

  const title = VIEWS.find((entry) => entry.id === view)?.label ?? '';
  return (
    <div className="app">
      <NavBar current={view} onSelect={setView} />
      <div className="app-main">
        <AppHeader title={title} />
        <ErrorBanner />
        <main className="app-view">
          <ViewErrorBoundary>{view === 'logs' && <LogsView />}</ViewErrorBoundary>
        </main>
      </div>
    </div>
  );
}
