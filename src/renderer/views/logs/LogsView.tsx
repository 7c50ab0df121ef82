import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../stores/StoresContext';
import { RecordDetail } from './detail/RecordDetail';
import { HistogramPanel } from './histogram/HistogramPanel';
import { InsightsHistogramPanel } from './pull/InsightsHistogramPanel';
import { PullPanel } from './pull/PullPanel';
import { usePullStore } from './pull/usePullStore';
import { ResultsPanel } from './results/ResultsPanel';
import { SearchBar } from './search/SearchBar';
import { SourcesPanel } from './sources/SourcesPanel';
import { useFileDrop } from './sources/useFileDrop';
import { useLogsKeyboard } from './useLogsKeyboard';
import './logs.css';

/** The Logs view: open files or pull CloudWatch logs, search them, read the histogram and events. */
export function LogsView() {
  const logs = useStores().logs;
  useEffect(() => logs.start(), [logs]);
  useLogsKeyboard(logs);
  const showingInsights = useStore(usePullStore(), (state) => state.insights !== null);

  const { dragging, dropTarget } = useFileDrop((files) => {
    void logs.sources.getState().openFiles(files);
  });

  return (
    <div className="logs-view" {...dropTarget}>
      <div className="logs-sidebar">
        <PullPanel />
        <SourcesPanel />
      </div>
      <section className="logs-explorer" aria-label="Search results">
        <SearchBar />
        <div className="explorer-body">
          {showingInsights ? <InsightsHistogramPanel /> : <HistogramPanel />}
          <ResultsPanel />
          <RecordDetail />
        </div>
      </section>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div>Drop log files to open them</div>
        </div>
      )}
    </div>
  );
}
