import { parseArgs } from 'node:util';
import { collectStatus, createRateBudget } from '../main/status';
import { messageOf } from '../main/status/messageOf';
import {
  healthLine,
  shortCommit,
  shortDigest,
  type ServiceStatus,
  type StatusSnapshot,
} from '../shared/status';
import { UsageError, type CliCommand, type CliIo } from './cliIo';
import {
  ENVIRONMENT_CLI_OPTIONS,
  ENVIRONMENT_CLI_USAGE,
  resolveEnvironment,
  type EnvironmentCliArgs,
  type ResolveEnvironmentDependencies,
} from './resolveEnvironment';

/** Exit codes of `opsdesk status`, for scripts and monitoring. */
export const STATUS_EXIT = {
  healthy: 0,
  /** A service is below its desired count, missing, or a deployment failed. */
  unhealthy: 1,
  /** The command was called wrongly, or AWS could not be read. */
  error: 2,
} as const;

function parseStatusArgs(args: string[]): EnvironmentCliArgs & { json: boolean } {
  try {
    const { values } = parseArgs({
      args,
      options: { ...ENVIRONMENT_CLI_OPTIONS, json: { type: 'boolean', default: false } },
    });
    return values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Runs `opsdesk status`: collects the status once and prints it.
 *
 * Resolves to 1 when unhealthy, else 2 when a part could not be read (an
 * unreadable repository should not pass silently), else 0.
 */
export async function runStatus(
  args: string[],
  io: CliIo,
  dependencies: ResolveEnvironmentDependencies = {},
): Promise<number> {
  const options = parseStatusArgs(args);
  const resolved = await resolveEnvironment(options, io, dependencies);
  try {
    const snapshot = await collectStatus({
      environment: resolved.environment,
      clients: resolved.clients,
      budget: createRateBudget(),
    });
    if (options.json) io.stdout(`${JSON.stringify(snapshot, null, 2)}\n`);
    else printStatus(snapshot, io);
    if (!snapshot.health.healthy) return STATUS_EXIT.unhealthy;
    return snapshot.problems.length > 0 ? STATUS_EXIT.error : STATUS_EXIT.healthy;
  } catch (error) {
    const message = messageOf(error);
    if (options.json) {
      io.stdout(`${JSON.stringify({ environment: resolved.environment.name, error: message })}\n`);
    }
    io.stderr(`opsdesk status: ${message}\n`);
    return STATUS_EXIT.error;
  } finally {
    await resolved.dispose();
  }
}

/** Prints the status as a few lines a person reads in a terminal. */
function printStatus(snapshot: StatusSnapshot, io: CliIo): void {
  const lines = [
    `${snapshot.environment} (${snapshot.cluster}) at ${snapshot.takenAt}`,
    healthLine(snapshot.health),
    ...snapshot.health.problems.map((problem) => `  ! ${problem}`),
    ...snapshot.health.inProgress.map((work) => `  … ${work}`),
    '',
    'Services',
    ...snapshot.services.map(serviceLine),
  ];
  if (snapshot.workflowTasks.length > 0) {
    lines.push('', 'Workflow tasks');
    for (const task of snapshot.workflowTasks) {
      const exit = task.containers.map((container) => container.exitCode ?? '-').join(',');
      lines.push(
        `  ${task.taskDefinition}  ${task.taskId.slice(0, 8)}  ${task.lastStatus}  exit ${exit}`,
      );
    }
  }
  lines.push('', 'Images');
  for (const repository of snapshot.repositories) {
    lines.push(
      `  ${repository.repositoryName}${repository.problem ? `: ${repository.problem}` : ''}`,
    );
    for (const image of repository.images.slice(0, 5)) {
      const commit = image.commitHash ? shortCommit(image.commitHash) : 'unknown commit';
      const running =
        image.runningIn.length > 0 ? `  running in ${image.runningIn.join(', ')}` : '';
      lines.push(
        `    ${shortDigest(image.imageDigest)}  ${commit}  ${image.pushedAt ?? ''}${running}`,
      );
    }
  }
  lines.push('', 'Databases');
  for (const database of snapshot.databases) {
    lines.push(
      `  ${database.identifier}  ${database.status}  ${database.engine ?? ''} ${database.engineVersion ?? ''}` +
        (database.problem ? `: ${database.problem}` : ''),
    );
    for (const snapshotStatus of database.snapshots.slice(0, 5)) {
      const progress =
        snapshotStatus.status === 'creating' ? ` ${snapshotStatus.percentProgress ?? 0}%` : '';
      lines.push(
        `    ${snapshotStatus.snapshotId}  ${snapshotStatus.origin}  ${snapshotStatus.status}${progress}  ${snapshotStatus.createdAt ?? ''}`,
      );
    }
  }
  for (const problem of snapshot.problems) lines.push(`! ${problem}`);
  io.stdout(`${lines.join('\n')}\n`);
}

function serviceLine(service: ServiceStatus): string {
  const commits = service.images.map((image) =>
    image.commitHash ? shortCommit(image.commitHash) : 'unknown commit',
  );
  return (
    `  ${service.serviceName}  ${service.status}  ${service.runningCount}/${service.desiredCount} running` +
    (service.pendingCount ? `, ${service.pendingCount} pending` : '') +
    `  ${service.taskDefinition ?? ''}  ${[...new Set(commits)].join(', ')}`
  );
}

/** `opsdesk status`: what runs in an environment, as text or JSON, with a health exit code. */
export const statusCommand: CliCommand = {
  usage: `status ${ENVIRONMENT_CLI_USAGE} [--json]`,
  summary:
    'Print services, tasks, images and snapshots of an environment; exit 1 when a service is unhealthy.',
  run: (args, io) => runStatus(args, io),
};
