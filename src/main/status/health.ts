import type { HealthSummary, ServiceStatus, TaskStatus } from '../../shared/status';

/**
 * Judges the environment from its services and workflow tasks.
 *
 * Unhealthy means what an operator would be paged for: a service below its
 * desired count, missing, not ACTIVE, or a deployment that failed. A rollout
 * under way is reported as in progress, and its counts may still make the
 * service fall short: that is shown, not hidden.
 */
export function summarizeHealth(
  services: readonly ServiceStatus[],
  workflowTasks: readonly TaskStatus[],
): HealthSummary {
  const problems: string[] = [];
  const inProgress: string[] = [];
  const commits = new Set<string>();
  let unknownCommit = false;

  for (const service of services) {
    const name = service.serviceName;
    if (service.status === 'MISSING') {
      problems.push(`${name}: ECS has no service of this name in the cluster.`);
      continue;
    }
    if (service.status !== 'ACTIVE') problems.push(`${name}: the service is ${service.status}.`);
    if (service.runningCount < service.desiredCount) {
      problems.push(`${name}: ${service.runningCount} of ${service.desiredCount} tasks running.`);
    }
    for (const deployment of service.deployments) {
      if (deployment.rolloutState === 'FAILED') {
        problems.push(
          `${name}: deployment of ${deployment.taskDefinition} failed` +
            (deployment.rolloutStateReason ? `: ${deployment.rolloutStateReason}` : '.'),
        );
      } else if (deployment.rolloutState === 'IN_PROGRESS') {
        inProgress.push(
          `${name}: rolling out ${deployment.taskDefinition} ` +
            `(${deployment.runningCount} of ${deployment.desiredCount} running)`,
        );
      }
    }
    const unhealthyTasks = service.tasks.filter(
      (task) => task.lastStatus === 'RUNNING' && task.healthStatus === 'UNHEALTHY',
    );
    if (unhealthyTasks.length > 0) {
      problems.push(`${name}: ${unhealthyTasks.length} running task(s) fail their health check.`);
    }
    for (const image of service.images) {
      if (image.commitHash) commits.add(image.commitHash);
      else unknownCommit = true;
    }
  }

  for (const task of workflowTasks) {
    if (task.lastStatus !== 'STOPPED') {
      inProgress.push(
        `${task.taskDefinition.split(':')[0]}: task ${task.taskId.slice(0, 8)} ${lower(task.lastStatus)}`,
      );
    }
  }

  return {
    healthy: problems.length === 0,
    problems,
    runningCommits: [...commits],
    unknownCommit,
    inProgress,
  };
}

function lower(status: string | null): string {
  return (status ?? 'unknown').toLowerCase();
}
