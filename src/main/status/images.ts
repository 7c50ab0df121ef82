import type { ImageDetail } from '@aws-sdk/client-ecr';
import type { Environment } from '../../shared/environments';
import { commitOfTags, type ImageStatus, type RepositoryStatus } from '../../shared/status';
import type { AwsClients } from '../aws';
import { messageOf } from './messageOf';
import type { RateBudget } from './rateBudget';

/** Looks up the commit an image digest was built from; null when unknown. */
export type CommitLookup = (imageDigest: string | null | undefined) => string | null;

/**
 * The images of every repository the environment names, newest first.
 *
 * The commit of each image is read from its tags (a 40-hex tag); `runningIn`
 * is left empty here, `markRunningImages` fills it once tasks are known. A
 * repository that cannot be read carries its problem; the others are listed.
 */
export async function listImages(
  clients: Pick<AwsClients, 'ecr'>,
  environment: Pick<Environment, 'ecrRepositories'>,
  budget: RateBudget,
): Promise<RepositoryStatus[]> {
  return Promise.all(
    environment.ecrRepositories.map(async (repositoryName): Promise<RepositoryStatus> => {
      try {
        const details = await budget.run((options) =>
          clients.ecr.describeImages(repositoryName, undefined, options),
        );
        return {
          repositoryName,
          images: details.map(toImageStatus).sort(newestFirst),
          problem: null,
        };
      } catch (error) {
        return { repositoryName, images: [], problem: messageOf(error) };
      }
    }),
  );
}

/** Maps digests to commits over every listed repository. */
export function commitLookup(repositories: readonly RepositoryStatus[]): CommitLookup {
  const commits = new Map<string, string>();
  for (const repository of repositories) {
    for (const image of repository.images) {
      if (image.commitHash) commits.set(image.imageDigest, image.commitHash);
    }
  }
  return (imageDigest) => (imageDigest ? (commits.get(imageDigest) ?? null) : null);
}

/**
 * Marks each image with the services whose running tasks report its digest.
 *
 * Only the digest counts: a `latest` tag says what was pushed last, not what runs.
 */
export function markRunningImages(
  repositories: readonly RepositoryStatus[],
  runningDigests: ReadonlyMap<string, readonly string[]>,
): RepositoryStatus[] {
  return repositories.map((repository) => ({
    ...repository,
    images: repository.images.map((image) => ({
      ...image,
      runningIn: [...(runningDigests.get(image.imageDigest) ?? [])].sort(),
    })),
  }));
}

function toImageStatus(detail: ImageDetail): ImageStatus {
  const tags = detail.imageTags ?? [];
  return {
    imageDigest: detail.imageDigest ?? '',
    tags,
    commitHash: commitOfTags(tags),
    pushedAt: detail.imagePushedAt?.toISOString() ?? null,
    sizeBytes: detail.imageSizeInBytes ?? null,
    runningIn: [],
  };
}

function newestFirst(a: ImageStatus, b: ImageStatus): number {
  return (b.pushedAt ?? '').localeCompare(a.pushedAt ?? '');
}
