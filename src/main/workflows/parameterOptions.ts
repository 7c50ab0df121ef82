import type { Environment, WorkflowParameter } from '../../shared/environments';
import { OpsdeskError } from '../../shared/result';
import type { Approval, ParameterOption, WorkflowAction } from '../../shared/workflows';
import type { AwsClients } from '../aws';
import {
  listImages,
  listRevisions,
  listSnapshots,
  readSnapshots,
  type RateBudget,
} from '../status';
import { revisionOf } from '../status/taskStatus';

/** How many earlier task definition revisions of a service are offered for rollback. */
const EARLIER_REVISIONS = 5;

/** What listing a parameter's options needs. */
export interface OptionSources {
  environment: Environment;
  clients: AwsClients;
  /** Paces the describe calls, as the status view's reads are paced. */
  budget: RateBudget;
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

/**
 * Images of the environment's repositories, newest first; deploy needs an approved one.
 * A repository that cannot be read fails the list: an image missing from it could not be told
 * from one that does not exist.
 */
export async function imageOptions({
  environment,
  clients,
  budget,
  approvals,
  action,
}: OptionSources): Promise<ParameterOption[]> {
  const repositories = await listImages(clients, environment, budget);
  const unreadable = repositories.find((repository) => repository.problem);
  if (unreadable?.problem) throw new OpsdeskError('aws', unreadable.problem);
  const options = repositories.flatMap((repository) =>
    repository.images
      .filter((image) => image.imageDigest)
      .map((image): ParameterOption => {
        const { imageDigest, commitHash, tags } = image;
        const approval = approvals.findLast((entry) => entry.imageDigest === imageDigest);
        const pushedAt = image.pushedAt ? Date.parse(image.pushedAt) : undefined;
        return {
          value: imageDigest,
          label: commitHash
            ? `commit ${commitHash.slice(0, 12)}`
            : `untagged ${repository.repositoryName}`,
          detail: `${imageDigest}${tags.length ? ` · tags ${tags.join(', ')}` : ''}`,
          image: { imageDigest, commitHash, tags, pushedAt },
          ...(approval ? { approval } : {}),
          ...(action === 'deploy' && !approval
            ? { unavailableReason: 'Not approved yet: an approver must compare its commit first.' }
            : {}),
        };
      }),
  );
  return options.sort((a, b) => (b.image?.pushedAt ?? 0) - (a.image?.pushedAt ?? 0));
}

/** Snapshots of the environment's databases, newest first; only available ones can be restored. */
export async function snapshotOptions({
  environment,
  clients,
  budget,
}: OptionSources): Promise<ParameterOption[]> {
  const { instances, clusters } = environment.databases;
  const databases = await Promise.all([
    ...instances.map(async (identifier) => ({
      identifier,
      snapshots: await readSnapshots(clients, 'instance', identifier, budget),
    })),
    ...clusters.map(async (identifier) => ({
      identifier,
      snapshots: await readSnapshots(clients, 'cluster', identifier, budget),
    })),
  ]);
  return listSnapshots(databases).map((snapshot) => {
    const createdAt = snapshot.createdAt ? Date.parse(snapshot.createdAt) : undefined;
    return {
      value: snapshot.snapshotId,
      label: snapshot.snapshotId,
      detail: `${snapshot.origin} snapshot of ${snapshot.database}${
        snapshot.createdAt ? `, taken ${snapshot.createdAt}` : ''
      } · ${snapshot.status}`,
      snapshot: {
        snapshotId: snapshot.snapshotId,
        database: snapshot.database,
        status: snapshot.status,
        createdAt,
      },
      ...(snapshot.status === 'available'
        ? {}
        : { unavailableReason: `This snapshot is ${snapshot.status}, not available yet.` }),
    };
  });
}

/** Each service's current task definition and the revisions before it, for rollback. */
export async function revisionOptions({
  environment,
  clients,
  budget,
}: OptionSources): Promise<ParameterOption[]> {
  if (environment.services.length === 0) return [];
  const { services } = await budget.run((options) =>
    clients.ecs.describeServices(environment.services, options),
  );
  const perService = await Promise.all(
    services.map(async (service) => {
      if (!service.serviceName || !service.taskDefinition) return [];
      const serviceName = service.serviceName;
      const current = revisionOf(service.taskDefinition);
      // The form shows digests only: no commit lookup, which would read every repository.
      const revisions = await listRevisions(clients, current, () => null, budget, {
        count: EARLIER_REVISIONS,
        includeCurrent: true,
      });
      return revisions.flatMap((definition): ParameterOption[] => {
        if (!definition.taskDefinitionArn) return [];
        const [family, revision] = definition.taskDefinition.split(':');
        const isCurrent = definition.taskDefinition === current;
        const image = definition.images[0];
        const imageDigest = image?.imageDigest ?? null;
        const option: ParameterOption = {
          value: definition.taskDefinitionArn,
          label: `${serviceName}: ${definition.taskDefinition}${isCurrent ? ' (running now)' : ''}`,
          detail: `${imageDigest ?? image?.imageReference ?? ''}${
            definition.registeredAt ? ` · registered ${definition.registeredAt}` : ''
          }`,
          revision: {
            service: serviceName,
            family,
            revision: Number(revision),
            taskDefinitionArn: definition.taskDefinitionArn,
            imageDigest,
            current: isCurrent,
          },
          ...(isCurrent ? { unavailableReason: 'This revision is already running.' } : {}),
        };
        return [option];
      });
    }),
  );
  return perService.flat();
}
