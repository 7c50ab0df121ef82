import type { TaskDefinition } from '@aws-sdk/client-ecs';
import type { TaskDefinitionRevision } from '../../shared/status';
import type { AwsClients } from '../aws';
import type { CommitLookup } from './images';
import type { RateBudget } from './rateBudget';
import { pinnedDigest } from './taskStatus';

/** Which revisions `listRevisions` describes. */
export interface RevisionRange {
  /** How many revisions before the current one; five by default. */
  count?: number;
  /** Lists the current revision first too (a rollback form shows it, not pickable). */
  includeCurrent?: boolean;
}

/**
 * The revisions before `current` (`family:revision`), newest first, that a
 * rollback could return to: up to `count` of them, skipping deregistered ones.
 *
 * There is no ListTaskDefinitions in the policy (it has no resource-level
 * permission), so each earlier revision number is described in turn.
 */
export async function listRevisions(
  clients: Pick<AwsClients, 'ecs'>,
  current: string,
  commitOf: CommitLookup,
  budget: RateBudget,
  { count = 5, includeCurrent = false }: RevisionRange = {},
): Promise<TaskDefinitionRevision[]> {
  const [family, revisionText] = current.split(':');
  const revision = Number(revisionText);
  if (!family || !Number.isInteger(revision)) return [];

  const earlier = Array.from({ length: Math.min(count, revision - 1) }, (_, k) => revision - 1 - k);
  const numbers = includeCurrent ? [revision, ...earlier] : earlier;
  const described = await Promise.all(
    numbers.map((number) =>
      budget
        .run((options) => clients.ecs.describeTaskDefinition(`${family}:${number}`, options))
        .catch(() => undefined),
    ),
  );
  return described
    .filter(
      (definition): definition is TaskDefinition =>
        definition?.status !== 'INACTIVE' && definition !== undefined,
    )
    .map((definition) => toRevision(definition, commitOf));
}

function toRevision(definition: TaskDefinition, commitOf: CommitLookup): TaskDefinitionRevision {
  return {
    taskDefinition: `${definition.family}:${definition.revision}`,
    taskDefinitionArn: definition.taskDefinitionArn ?? '',
    registeredAt: definition.registeredAt?.toISOString() ?? null,
    images: (definition.containerDefinitions ?? []).map((container) => {
      const imageReference = container.image ?? '';
      const imageDigest = pinnedDigest(imageReference);
      return {
        containerName: container.name ?? '',
        imageDigest,
        commitHash: commitOf(imageDigest),
        imageReference,
      };
    }),
  };
}
