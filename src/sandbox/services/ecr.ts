import type { JsonOperation, SandboxContext } from '../context';
import { AwsError } from '../errors';
import { pageOfList } from '../paging';
import type { ImageDetail } from '../state';

/** The X-Amz-Target prefix of ECR. */
export const ECR_TARGET = 'AmazonEC2ContainerRegistry_V20150921';

function requireRepository(context: SandboxContext, name: unknown, registryId: unknown) {
  const repository = context.world.ecr.repositories.find(
    (candidate) => candidate.repositoryName === name,
  );
  if (!repository || (registryId !== undefined && registryId !== repository.registryId)) {
    const registry = String(registryId ?? context.world.facts.accountId);
    throw new AwsError(
      'RepositoryNotFoundException',
      `The repository with name '${String(name)}' does not exist in the registry with id '${registry}'`,
    );
  }
  return repository;
}

function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

const describeImages: JsonOperation = (input, context) => {
  const request = input as {
    repositoryName?: string;
    registryId?: string;
    imageIds?: { imageDigest?: string; imageTag?: string }[];
    filter?: { tagStatus?: 'TAGGED' | 'UNTAGGED' | 'ANY' };
    nextToken?: string;
    maxResults?: number;
  };
  requireRepository(context, request.repositoryName, request.registryId);
  if (request.imageIds && (request.nextToken || request.maxResults)) {
    throw invalidParameter('Pagination parameters cannot be used together with imageIds.');
  }
  const images = context.world.ecr.images
    .filter((image) => image.repositoryName === request.repositoryName)
    .sort((a, b) => b.imagePushedAt.getTime() - a.imagePushedAt.getTime());

  if (request.imageIds) {
    const found: ImageDetail[] = [];
    for (const id of request.imageIds) {
      const image = images.find(
        (candidate) =>
          (!id.imageDigest || candidate.imageDigest === id.imageDigest) &&
          (!id.imageTag || Boolean(candidate.imageTags?.includes(id.imageTag))),
      );
      if (!image) {
        const described = id.imageDigest
          ? `imageDigest=${id.imageDigest}`
          : `imageTag=${id.imageTag}`;
        throw new AwsError(
          'ImageNotFoundException',
          `The image with imageId {${described}} does not exist within the repository with name '${request.repositoryName}' in the registry with id '${context.world.facts.accountId}'`,
        );
      }
      if (!found.includes(image)) found.push(image);
    }
    return { imageDetails: found };
  }

  const status = request.filter?.tagStatus ?? 'ANY';
  const filtered = images.filter((image) =>
    status === 'ANY'
      ? true
      : status === 'TAGGED'
        ? Boolean(image.imageTags?.length)
        : !image.imageTags?.length,
  );
  if (request.maxResults !== undefined && (request.maxResults < 1 || request.maxResults > 1000)) {
    throw invalidParameter('maxResults must be between 1 and 1000.');
  }
  const page = pageOfList(
    filtered,
    { nextToken: request.nextToken, limit: request.maxResults },
    context.pageShapes.get('DescribeImages'),
    100,
  );
  return { imageDetails: page.items, nextToken: page.nextToken };
};

const describeRepositories: JsonOperation = (input, context) => {
  const request = input as {
    repositoryNames?: string[];
    registryId?: string;
    nextToken?: string;
    maxResults?: number;
  };
  const repositories = request.repositoryNames
    ? request.repositoryNames.map((name) => requireRepository(context, name, request.registryId))
    : context.world.ecr.repositories;
  const page = pageOfList(
    repositories,
    { nextToken: request.nextToken, limit: request.maxResults },
    context.pageShapes.get('DescribeRepositories'),
    100,
  );
  return { repositories: page.items, nextToken: page.nextToken };
};

/** The ECR operations Opsdesk uses, by name. */
export const ecrOperations: Record<string, JsonOperation> = {
  DescribeImages: describeImages,
  DescribeRepositories: describeRepositories,
};
