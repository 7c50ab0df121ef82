/**
 * The status of an environment: what runs, which commit it is, what is in
 * progress, and what could be rolled back or restored.
 *
 * Computed in the main process and sent as data to the renderer and the
 * command line; times are ISO 8601 strings so the CLI's JSON reads well.
 */

/** A 40-hex commit hash as the build workflow tags images with. */
export const COMMIT_HASH_PATTERN = /^[0-9a-f]{40}$/;

/** The image a container runs, pinned by digest, and the commit it was built from. */
export interface ContainerImage {
  containerName: string;
  /** `sha256:…`; null when ECS has not reported it yet (a task still pulling). */
  imageDigest: string | null;
  /** The full commit hash from the image's ECR tags; null when no tag is a commit. */
  commitHash: string | null;
  /** The image as the task definition names it, possibly by a mutable tag. */
  imageReference: string;
}

/** One deployment of a service (ECS keeps the old one ACTIVE while a new one rolls out). */
export interface DeploymentStatus {
  deploymentId: string;
  /** PRIMARY is the newest; ACTIVE ones are being replaced or were rolled back to. */
  status: string;
  /** COMPLETED, IN_PROGRESS or FAILED; null for services without the rollout API. */
  rolloutState: string | null;
  rolloutStateReason: string | null;
  /** `family:revision` of the task definition this deployment runs. */
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  createdAt: string | null;
  updatedAt: string | null;
  /** What the deployment's running tasks report: digest and commit per container. */
  images: ContainerImage[];
}

/** A container of a task: its state and, once stopped, why. */
export interface TaskContainerStatus {
  containerName: string;
  lastStatus: string | null;
  healthStatus: string | null;
  imageDigest: string | null;
  commitHash: string | null;
  /** Null while running, and when ECS never recorded one (it was never started). */
  exitCode: number | null;
  reason: string | null;
}

/** One ECS task: a service replica or a one-shot workflow run. */
export interface TaskStatus {
  taskId: string;
  taskArn: string;
  /** `service:web` for service tasks, `family:opsdesk-build` for workflow runs. */
  group: string | null;
  startedBy: string | null;
  taskDefinition: string;
  lastStatus: string | null;
  desiredStatus: string | null;
  healthStatus: string | null;
  createdAt: string | null;
  startedAt: string | null;
  stoppedAt: string | null;
  stopCode: string | null;
  stoppedReason: string | null;
  containers: TaskContainerStatus[];
}

/** A service event, newest first as ECS lists them. */
export interface ServiceEvent {
  createdAt: string | null;
  message: string;
}

/** One ECS service and what it runs. */
export interface ServiceStatus {
  serviceName: string;
  /** ACTIVE, DRAINING, INACTIVE, or MISSING when ECS does not know the name. */
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  /** `family:revision` the service is set to run. */
  taskDefinition: string | null;
  deployments: DeploymentStatus[];
  /** The primary deployment's images: what this service runs now. */
  images: ContainerImage[];
  /** Running tasks and those stopped within the last hour, newest first. */
  tasks: TaskStatus[];
  /** The most recent events, newest first. */
  events: ServiceEvent[];
}

/** One image of a repository. */
export interface ImageStatus {
  imageDigest: string;
  /** Every tag, commit tags included, as ECR lists them. */
  tags: string[];
  commitHash: string | null;
  pushedAt: string | null;
  sizeBytes: number | null;
  /** Names of the services whose running tasks report this digest. */
  runningIn: string[];
}

/** The images of one ECR repository, newest first. */
export interface RepositoryStatus {
  repositoryName: string;
  images: ImageStatus[];
  /** Why the images could not be listed; the other repositories still are. */
  problem: string | null;
}

/** Where a snapshot came from. */
export type SnapshotOrigin = 'manual' | 'automated' | 'awsbackup' | 'other';

/** One snapshot a database could be restored from. */
export interface SnapshotStatus {
  snapshotId: string;
  origin: SnapshotOrigin;
  /** `available`, `creating`, `failed`, … as RDS reports it. */
  status: string;
  createdAt: string | null;
  /** Allocated storage of the snapshotted volume in GiB: RDS reports no snapshot size. */
  allocatedGiB: number | null;
  /** 0-100 while being created. */
  percentProgress: number | null;
}

/** A database instance or cluster and its snapshots. */
export interface DatabaseStatus {
  kind: 'instance' | 'cluster';
  identifier: string;
  status: string;
  engine: string | null;
  engineVersion: string | null;
  /** The instance class; null for a cluster. */
  instanceClass: string | null;
  /** Newest first. */
  snapshots: SnapshotStatus[];
  problem: string | null;
}

/** The verdict at the top of the screen and the CLI's exit code. */
export interface HealthSummary {
  /** False when a service is below its desired count, missing, or a deployment failed. */
  healthy: boolean;
  /** One sentence per thing wrong, naming the service. */
  problems: string[];
  /** The commits the services' primary deployments run, distinct. */
  runningCommits: string[];
  /** Whether a service runs an image whose commit is unknown. */
  unknownCommit: boolean;
  /** One sentence per rollout or workflow task in progress. */
  inProgress: string[];
}

/** Everything the Status view and `opsdesk status` show for one environment. */
export interface StatusSnapshot {
  environment: string;
  cluster: string;
  /** When the answers were collected. */
  takenAt: string;
  health: HealthSummary;
  services: ServiceStatus[];
  /** One-shot workflow tasks: running ones and those stopped within the last hour. */
  workflowTasks: TaskStatus[];
  repositories: RepositoryStatus[];
  databases: DatabaseStatus[];
  /** Parts that could not be read (the rest still was), one sentence each. */
  problems: string[];
}

/** Why the snapshot on show is old: the last refresh failed. */
export interface StaleMark {
  reason: string;
  failedAt: string;
  throttled: boolean;
}

/** What `status:get` answers: the latest snapshot, whether it is stale, and when to ask again. */
export interface StatusReport {
  environment: string;
  /** Null until a first refresh succeeded. */
  snapshot: StatusSnapshot | null;
  stale: StaleMark | null;
  /** How long the caller should wait before polling again; longer while AWS throttles. */
  nextRefreshMs: number;
}

/** The first 7 characters of a commit hash, as git prints it. */
export function shortCommit(commitHash: string): string {
  return commitHash.slice(0, 7);
}

/** `sha256:` and the first 12 hex characters of a digest. */
export function shortDigest(imageDigest: string): string {
  const [algorithm, hex] = imageDigest.includes(':') ? imageDigest.split(':') : ['', imageDigest];
  return `${algorithm ? `${algorithm}:` : ''}${hex.slice(0, 12)}`;
}

/** The commit a set of tags names, if one of them is a 40-hex commit hash. */
export function commitOfTags(tags: readonly string[] | undefined): string | null {
  return tags?.find((tag) => COMMIT_HASH_PATTERN.test(tag)) ?? null;
}

/** The one line at the top of the screen and of `opsdesk status`. */
export function healthLine(health: HealthSummary): string {
  const verdict = health.healthy
    ? 'All services healthy'
    : `${health.problems.length} problem${health.problems.length === 1 ? '' : 's'}`;
  const commits = health.runningCommits.map(shortCommit);
  const running =
    commits.length === 0
      ? health.unknownCommit
        ? 'running an unknown commit'
        : 'nothing running'
      : `running commit${commits.length > 1 ? 's' : ''} ${commits.join(', ')}` +
        (health.unknownCommit ? ' and an unknown commit' : '');
  const progress =
    health.inProgress.length === 0
      ? 'nothing in progress'
      : `${health.inProgress.length} in progress`;
  return `${verdict} · ${running} · ${progress}`;
}

/** A task definition revision a service could be rolled back to. */
export interface TaskDefinitionRevision {
  /** `family:revision`. */
  taskDefinition: string;
  taskDefinitionArn: string;
  registeredAt: string | null;
  /** The images it names; a digest and commit only where the reference pins a digest. */
  images: ContainerImage[];
}
