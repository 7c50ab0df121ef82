import type { DatabaseStatus, SnapshotStatus } from '../../../shared/status';
import { shortDateTime } from '../../format/dateTime';
import { stateWord } from './model/statusFormat';

const ORIGIN_LABELS: Record<SnapshotStatus['origin'], string> = {
  manual: 'manual',
  automated: 'automated',
  awsbackup: 'AWS Backup',
  other: 'other',
};

/** Each database with its state and the snapshots it could be restored from, newest first. */
export function DatabasesSection({ databases, now }: { databases: DatabaseStatus[]; now: number }) {
  return (
    <section className="status-section" aria-label="Databases">
      <h2>Databases</h2>
      {databases.map((database) => (
        <div
          key={database.identifier}
          className="status-panel"
          data-testid="database"
          data-database={database.identifier}
        >
          <h3>
            {database.identifier}{' '}
            <span
              className={`badge ${database.status === 'available' ? 'badge-ok' : 'badge-warn'}`}
            >
              {stateWord(database.status)}
            </span>
            <span className="database-facts">
              {[database.engine, database.engineVersion, database.instanceClass]
                .filter(Boolean)
                .join(' · ')}
              {database.kind === 'cluster' ? ' · cluster' : ''}
            </span>
          </h3>
          {database.problem && <p className="section-problem">{database.problem}</p>}
          {database.snapshots.length > 0 && (
            <table className="status-table">
              <thead>
                <tr>
                  <th>Snapshot</th>
                  <th>Type</th>
                  <th>Status</th>
                  <th>Created</th>
                  <th className="number">Allocated</th>
                </tr>
              </thead>
              <tbody>
                {database.snapshots.map((snapshot) => (
                  <tr
                    key={snapshot.snapshotId}
                    data-testid="snapshot-row"
                    data-snapshot={snapshot.snapshotId}
                    data-status={snapshot.status}
                  >
                    <td>
                      <code>{snapshot.snapshotId}</code>
                    </td>
                    <td>{ORIGIN_LABELS[snapshot.origin]}</td>
                    <td>
                      <SnapshotState snapshot={snapshot} />
                    </td>
                    <td>{shortDateTime(snapshot.createdAt, now)}</td>
                    <td className="number">
                      {snapshot.allocatedGiB === null ? '—' : `${snapshot.allocatedGiB} GiB`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}

function SnapshotState({ snapshot }: { snapshot: SnapshotStatus }) {
  if (snapshot.status !== 'creating') {
    return <span className={`state state-${snapshot.status}`}>{stateWord(snapshot.status)}</span>;
  }
  const percent = snapshot.percentProgress ?? 0;
  return (
    <span className="snapshot-progress" title={`${percent}% done`}>
      creating
      <progress max={100} value={percent} aria-label={`${snapshot.snapshotId} progress`} />
      {percent}%
    </span>
  );
}
