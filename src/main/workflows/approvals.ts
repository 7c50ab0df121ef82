import type { ImageDetail } from '@aws-sdk/client-ecr';
import type { Environment } from '../../shared/environments';
import { OpsdeskError } from '../../shared/result';
import { commitOfTags } from '../../shared/status';
import { compareCommits, type Approval, type JournalEntry } from '../../shared/workflows';
import type { AwsClients } from '../aws';

/** The approvals of an environment recorded in the journal, oldest first. */
export function approvalsFrom(entries: readonly JournalEntry[], environment: string): Approval[] {
  return entries
    .filter(
      (entry) =>
        entry.kind === 'approval' &&
        entry.result === 'succeeded' &&
        entry.environment === environment,
    )
    .map((entry) => {
      const outputs = entry.outputs ?? {};
      return {
        imageDigest: String(outputs.imageDigest),
        commitHash: String(outputs.commitHash),
        tags: Array.isArray(outputs.tags) ? outputs.tags.map(String) : [],
        reviewedCommit: String(outputs.reviewedCommit),
        approvedBy: entry.who,
        approvedAt: entry.at,
        environment: entry.environment,
      };
    });
}

/** Finds an image by digest in the environment's repositories. */
export async function findImage(
  environment: Environment,
  clients: AwsClients,
  imageDigest: string,
): Promise<ImageDetail | undefined> {
  for (const repository of environment.ecrRepositories) {
    const images = await clients.ecr
      .describeImages(repository, [{ imageDigest }])
      .catch((error: unknown) => {
        // ECR answers ImageNotFoundException for a digest another repository holds.
        if (error instanceof OpsdeskError && /not found|ImageNotFound/i.test(error.message))
          return [];
        throw error;
      });
    const image = images.find((candidate) => candidate.imageDigest === imageDigest);
    if (image) return image;
  }
  return undefined;
}

/** What an approval decided: the approval, or why it was refused, for the journal. */
export type ApprovalDecision =
  | { approved: true; approval: Approval }
  | {
      approved: false;
      reason: string;
      /** True when the commits differ; false when the input could not be compared at all. */
      mismatch: boolean;
      commitHash: string | null;
      tags: string[];
    };

/**
 * Compares the commit an approver reviewed with the commit the image is
 * tagged with; only a match approves the image's digest.
 */
export function decideApproval(
  environment: string,
  image: ImageDetail,
  reviewedCommit: string,
  approvedBy: string,
  now: number,
): ApprovalDecision {
  const tags = image.imageTags ?? [];
  const commitHash = commitOfTags(tags);
  if (!commitHash) {
    return {
      approved: false,
      reason: 'The image carries no commit hash tag.',
      mismatch: false,
      commitHash,
      tags,
    };
  }
  const comparison = compareCommits(commitHash, reviewedCommit);
  if (comparison.outcome !== 'match') {
    return {
      approved: false,
      reason: comparison.reason,
      mismatch: comparison.outcome === 'mismatch',
      commitHash,
      tags,
    };
  }
  return {
    approved: true,
    approval: {
      imageDigest: image.imageDigest ?? '',
      commitHash,
      tags,
      reviewedCommit: reviewedCommit.trim().toLowerCase(),
      approvedBy,
      approvedAt: now,
      environment,
    },
  };
}
