import {
  paginateDescribeImages,
  type ECRClient,
  type ImageDetail,
  type ImageIdentifier,
} from '@aws-sdk/client-ecr';
import { collectPages, readPages, type CallOptions, type CallPolicy } from './awsCall';

/** IAM actions this module can call. */
export const ECR_ACTIONS = ['ecr:DescribeImages'] as const;

/** The ECR operations Opsdesk uses: listing a repository's images. */
export class EcrOperations {
  constructor(
    private readonly client: ECRClient,
    private readonly policy: CallPolicy,
  ) {}

  /**
   * Every image of a repository with its tags and digest, every page followed.
   *
   * Pass `imageIds` to look up particular tags or digests, e.g. a commit hash.
   */
  async describeImages(
    repositoryName: string,
    imageIds?: ImageIdentifier[],
    options?: CallOptions,
  ): Promise<ImageDetail[]> {
    const pages = readPages(
      { action: 'ecr:DescribeImages', resource: repositoryName },
      this.policy,
      options,
      (startingToken, abortSignal) =>
        paginateDescribeImages(
          { client: this.client, startingToken },
          { repositoryName, ...(imageIds ? { imageIds } : {}) },
          { abortSignal },
        ),
      (page) => page.nextToken,
    );
    return collectPages(pages, (page) => page.imageDetails);
  }
}
