import type { DeploymentStatus, ServiceStatus } from '../../../shared/status';
import { CommitHash, ImageDigest } from './Identifiers';
import { shortDateTime } from '../../format/dateTime';
import { stateWord, timeAgo } from './model/statusFormat';
import { TaskTable } from './TaskTable';

/** One service: counts, what it runs by digest and commit, deployments, tasks and events. */
export function ServiceCard({ service, now }: { service: ServiceStatus; now: number }) {
  const short = service.runningCount < service.desiredCount;
  const failed = service.deployments.some((deployment) => deployment.rolloutState === 'FAILED');
  const missing = service.status === 'MISSING';
  const healthy = !short && !failed && !missing && service.status === 'ACTIVE';
  const verdict = missing
    ? 'missing'
    : service.status !== 'ACTIVE'
      ? stateWord(service.status)
      : failed
        ? 'deployment failed'
        : short
          ? 'below desired count'
          : 'healthy';

  return (
    <article
      className={`service-card ${healthy ? '' : 'service-unhealthy'}`}
      data-testid="service-card"
      data-service={service.serviceName}
    >
      <header className="service-card-header">
        <h3>{service.serviceName}</h3>
        <span className={`badge ${healthy ? 'badge-ok' : 'badge-bad'}`}>{verdict}</span>
        <span className="service-counts" data-testid="service-counts">
          <strong className={short ? 'count-short' : undefined}>
            {service.runningCount}/{service.desiredCount}
          </strong>{' '}
          running{service.pendingCount > 0 ? ` · ${service.pendingCount} pending` : ''}
        </span>
        {service.taskDefinition && (
          <span className="service-revision" title="Task definition revision">
            {service.taskDefinition}
          </span>
        )}
      </header>

      {service.images.map((image) => (
        <div
          className="service-image"
          key={`${image.containerName}-${image.imageDigest}`}
          data-testid="service-image"
        >
          <span className="muted">{image.containerName}</span>
          <CommitHash commitHash={image.commitHash} />
          <ImageDigest imageDigest={image.imageDigest} />
        </div>
      ))}

      {service.deployments.length > 0 && (
        <table className="status-table deployment-table">
          <thead>
            <tr>
              <th>Deployment</th>
              <th>Rollout</th>
              <th>Revision</th>
              <th className="number">Running</th>
              <th className="number">Failed</th>
              <th>Commit</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {service.deployments.map((deployment) => (
              <DeploymentRow key={deployment.deploymentId} deployment={deployment} now={now} />
            ))}
          </tbody>
        </table>
      )}

      <details className="service-details">
        <summary>Tasks ({service.tasks.length}) and events</summary>
        <TaskTable tasks={service.tasks} now={now} />
        <ul className="service-events">
          {service.events.map((event, index) => (
            <li key={index}>
              <span className="muted">{event.createdAt ? timeAgo(event.createdAt, now) : ''}</span>{' '}
              {event.message}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}

function DeploymentRow({ deployment, now }: { deployment: DeploymentStatus; now: number }) {
  const state = deployment.rolloutState ?? deployment.status;
  return (
    <tr data-testid="deployment-row" data-rollout={deployment.rolloutState ?? ''}>
      <td title={deployment.deploymentId}>
        {deployment.status === 'PRIMARY' ? 'primary' : stateWord(deployment.status)}
      </td>
      <td>
        <span
          className={`state state-${stateWord(state).replace(/ /g, '-')}`}
          title={deployment.rolloutStateReason ?? undefined}
        >
          {stateWord(state)}
        </span>
      </td>
      <td>{deployment.taskDefinition}</td>
      <td className="number">
        {deployment.runningCount}/{deployment.desiredCount}
        {deployment.pendingCount > 0 ? ` (+${deployment.pendingCount})` : ''}
      </td>
      <td className={`number ${deployment.failedTasks > 0 ? 'count-short' : ''}`}>
        {deployment.failedTasks}
      </td>
      <td>
        {deployment.images.map((image) => (
          <CommitHash
            key={`${image.containerName}-${image.imageDigest}`}
            commitHash={image.commitHash}
          />
        ))}
      </td>
      <td>{shortDateTime(deployment.updatedAt, now)}</td>
    </tr>
  );
}
