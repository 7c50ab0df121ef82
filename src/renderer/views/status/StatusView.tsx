import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../stores/StoresContext';
import { DatabasesSection } from './DatabasesSection';
import { ImagesSection } from './ImagesSection';
import { ServiceCard } from './ServiceCard';
import { StatusHeader } from './StatusHeader';
import { TaskTable } from './TaskTable';
import { useNow } from './useNow';
import './status.css';

/** The Status view: is production healthy, which commit runs, what is in progress, what can be restored. */
export function StatusView() {
  const store = useStores().status;
  const { report, requestFailure, refreshing, refresh } = useStore(store);
  const now = useNow();
  useEffect(() => store.getState().start(), [store]);

  const snapshot = report?.snapshot ?? null;
  const stale = requestFailure !== null || report?.stale != null;
  const attention = snapshot ? [...snapshot.health.problems, ...snapshot.problems] : [];

  return (
    <div className="status-view" data-testid="status-view">
      <StatusHeader
        report={report}
        requestFailure={requestFailure}
        refreshing={refreshing}
        now={now}
        onRefresh={() => void refresh()}
      />
      {snapshot && (
        <div className={`status-body ${stale ? 'status-body-stale' : ''}`}>
          {(attention.length > 0 || snapshot.health.inProgress.length > 0) && (
            <ul className="status-notes">
              {attention.map((problem) => (
                <li key={problem} className="note-problem" data-testid="health-problem">
                  {problem}
                </li>
              ))}
              {snapshot.health.inProgress.map((work) => (
                <li key={work} className="note-progress" data-testid="in-progress">
                  {work}
                </li>
              ))}
            </ul>
          )}

          <section className="status-section" aria-label="Services">
            <h2>
              Services <span className="muted">in {snapshot.cluster}</span>
            </h2>
            <div className="service-grid">
              {snapshot.services.map((service) => (
                <ServiceCard key={service.serviceName} service={service} now={now} />
              ))}
            </div>
          </section>

          <section className="status-section" aria-label="Workflow tasks">
            <h2>Workflow tasks</h2>
            <div className="status-panel">
              <TaskTable
                tasks={snapshot.workflowTasks}
                now={now}
                showDefinition
                emptyText="No workflow task is running or stopped within the last hour."
              />
            </div>
          </section>

          <ImagesSection repositories={snapshot.repositories} now={now} />
          <DatabasesSection databases={snapshot.databases} now={now} />
        </div>
      )}
    </div>
  );
}
