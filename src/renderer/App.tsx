import { useEffect, useState } from 'react';
import { AppHeader } from './shell/AppHeader';
import { ErrorBanner } from './shell/ErrorBanner';
import { NavBar } from './shell/NavBar';
import { ViewErrorBoundary } from './shell/ViewErrorBoundary';
import { VIEWS, type ViewId } from './shell/views';
import { useStores } from './stores/StoresContext';
import { LogsView } from './views/logs/LogsView';
import { StatusView } from './views/status/StatusView';
import { JournalView } from './views/journal/JournalView';
import { RunEndedBanner } from './views/workflows/RunEndedBanner';
import { WorkflowsView } from './views/workflows/WorkflowsView';

/** The app shell: navigation on the left, the header, failures, and the current view. */
export function App() {
  const stores = useStores();
  // Status is the operator's first screen; Logs stays one click away.
  const [view, setView] = useState<ViewId>('status');

  useEffect(() => {
    void stores.appInfo.getState().load();
  }, [stores]);

  // Runs are followed whichever view is open, so their end is always told.
  useEffect(() => stores.workflows.workflows.getState().start(), [stores]);

  const title = VIEWS.find((entry) => entry.id === view)?.label ?? '';
  return (
    <div className="app">
      <NavBar current={view} onSelect={setView} />
      <div className="app-main">
        <AppHeader title={title} />
        <ErrorBanner />
        <RunEndedBanner onOpen={() => setView('workflows')} />
        <main className="app-view">
          <ViewErrorBoundary>
            {view === 'status' && <StatusView />}
            {view === 'logs' && <LogsView />}
            {view === 'workflows' && <WorkflowsView />}
            {view === 'journal' && <JournalView />}
          </ViewErrorBoundary>
        </main>
      </div>
    </div>
  );
}
