import type { Environment, WorkflowParameter } from '../../shared/environments';
import { OpsdeskError } from '../../shared/result';
import type { Approval, ParameterOption, WorkflowAction } from '../../shared/workflows';
import type { AwsClients } from '../aws';

/** How many earlier task definition revisions of a service are offered for rollback. */
const EARLIER_REVISIONS = 5;

const COMMIT_TAG = /^[0-9a-f]{40}$/;
const MISSING_REVISION = /not found|unable to describe|does not exist/i;
const DIGEST_IN_IMAGE = /@(sha256:[0-9a-f]{64})$/;

/** What listing a parameter's options needs. */
export interface OptionSources {
  environment: Environment;
  clients: AwsClients;
  /** Approvals recorded in this environment, newest last. */
  approvals: Approval[];
  action: WorkflowAction;
}

/**
 * The values an operator may pick for a parameter, read from the environment.
 *
 * A git ref has no list (it is typed); images, snapshots and revisions do,
 * and the start accepts only a value that is in its list.
 */
export async function parameterOptions(
  parameter: WorkflowParameter,
  sources: OptionSources,
): Promise<ParameterOption[]> {
  switch (parameter.source) {
    case 'image':
      return imageOptions(sources);
    case 'snapshot':
      return snapshotOptions(sources);
    case 'revision':
      return revisionOptions(sources);
    case 'git-ref':
      return [];
  }
}

/** The commit hash an image is tagged with, if it has one. */
export function commitTagOf(tags: readonly string[]): string | null {
  return tags.find((tag) => COMMIT_TAG.test(tag)) ?? null;
}

/** Images of the environment's repositories, newest first; deploy needs an approved one. */
export async function imageOptions({
  environment,
  clients,
  approvals,
  action,
}: OptionSources): Promise<ParameterOption[]> {
  const options: ParameterOption[] = [];
  for (const repository of environment.ecrRepositories) {
    const images = await clients.ecr.describeImages(repository);
    for (const image of images) {
      if (!image.imageDigest) continue;
      const tags = image.imageTags ?? [];
      const commitHash = commitTagOf(tags);
      const approval = approvals.findLast((entry) => entry.imageDigest === image.imageDigest);
      const pushedAt = image.imagePushedAt?.getTime();
      options.push({
        value: image.imageDigest,
        label: commitHash ? `commit ${commitHash.slice(0, 12)}` : `untagged ${repository}`,
        detail: `${image.imageDigest}${tags.length ? ` · tags ${tags.join(', ')}` : ''}`,
        image: { imageDigest: image.imageDigest, commitHash, tags, pushedAt },
        ...(approval ? { approval } : {}),
        ...(action === 'deploy' && !approval
          ? { unavailableReason: 'Not approved yet: an approver must compare its commit first.' }
          : {}),
      });
    }
  }
  return options.sort((a, b) => (b.image?.pushedAt ?? 0) - (a.image?.pushedAt ?? 0));
}

/** Snapshots of the environment's databases, newest first; only available ones can be restored. */
export async function snapshotOptions({
  environment,
  clients,
}: OptionSources): Promise<ParameterOption[]> {
  const found: { id: string; database: string; status: string; kind: string; at?: number }[] = [];
  for (const instance of environment.databases.instances) {
    for (const snapshot of await clients.rds.describeDbSnapshots(instance)) {
      if (!snapshot.DBSnapshotIdentifier) continue;
      found.push({
        id: snapshot.DBSnapshotIdentifier,
        database: instance,
        status: snapshot.Status ?? 'unknown',
        kind: snapshot.SnapshotType ?? 'snapshot',
        at: snapshot.SnapshotCreateTime?.getTime(),
      });
    }
  }
  for (const cluster of environment.databases.clusters) {
    for (const snapshot of await clients.rds.describeDbClusterSnapshots(cluster)) {
      if (!snapshot.DBClusterSnapshotIdentifier) continue;
      found.push({
        id: snapshot.DBClusterSnapshotIdentifier,
        database: cluster,
        status: snapshot.Status ?? 'unknown',
        kind: snapshot.SnapshotType ?? 'snapshot',
        at: snapshot.SnapshotCreateTime?.getTime(),
      });
    }
  }
  return found
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0))
    .map((snapshot) => ({
      value: snapshot.id,
      label: snapshot.id,
      detail: `${snapshot.kind} snapshot of ${snapshot.database}${
        snapshot.at ? `, taken ${new Date(snapshot.at).toISOString()}` : ''
      } · ${snapshot.status}`,
      snapshot: {
        snapshotId: snapshot.id,
        database: snapshot.database,
        status: snapshot.status,
        createdAt: snapshot.at,
      },
      ...(snapshot.status === 'available'
        ? {}
        : { unavailableReason: `This snapshot is ${snapshot.status}, not available yet.` }),
    }));
}

/** Each service's current task definition and the revisions before it, for rollback. */
export async function revisionOptions({
  environment,
  clients,
}: OptionSources): Promise<ParameterOption[]> {
  if (environment.services.length === 0) return [];
  const { services } = await clients.ecs.describeServices(environment.services);
  const options: ParameterOption[] = [];
  for (const service of services) {
    const current = service.taskDefinition;
    const match = current ? /task-definition\/([^:]+):(\d+)$/.exec(current) : null;
    if (!service.serviceName || !match) continue;
    const family = match[1];
    const currentRevision = Number(match[2]);
    const lowest = Math.max(1, currentRevision - EARLIER_REVISIONS);
    for (let revision = currentRevision; revision >= lowest; revision -= 1) {
      const definition = await clients.ecs
        .describeTaskDefinition(`${family}:${revision}`)
        .catch((error: unknown) => {
          // A deregistered revision is gone; the ones still there are offered.
          if (error instanceof OpsdeskError && MISSING_REVISION.test(error.message))
            return undefined;
          throw error;
        });
      if (!definition?.taskDefinitionArn) continue;
      const image = definition.containerDefinitions?.[0]?.image ?? '';
      const imageDigest = DIGEST_IN_IMAGE.exec(image)?.[1] ?? null;
      const isCurrent = revision === currentRevision;
      options.push({
        value: definition.taskDefinitionArn,
        label: `${service.serviceName}: ${family}:${revision}${isCurrent ? ' (running now)' : ''}`,
        detail: `${imageDigest ?? image}${
          definition.registeredAt ? ` · registered ${definition.registeredAt.toISOString()}` : ''
        }`,
        revision: {
          service: service.serviceName,
          family,
          revision,
          taskDefinitionArn: definition.taskDefinitionArn,
          imageDigest,
          current: isCurrent,
        },
        ...(isCurrent ? { unavailableReason: 'This revision is already running.' } : {}),
      });
    }
  }
  return options;
}
