import { createRandom, hashSeed } from '../random';
import type { ImageDetail } from '../state';
import { ACCOUNT, HOUR_MS, REPOSITORY } from './constants';

/** Six images of demo/web, oldest first: the oldest untagged, the rest tagged by commit, the newest also `latest`. */
export function seedImages(seed: number, startedAt: number): ImageDetail[] {
  const random = createRandom(hashSeed(seed, 'images'));
  return Array.from({ length: 6 }, (_, age) => {
    const commitHash = random.hex(40);
    const newest = age === 5;
    const untagged = age === 0;
    return {
      registryId: ACCOUNT,
      repositoryName: REPOSITORY,
      imageDigest: `sha256:${random.hex(64)}`,
      ...(untagged ? {} : { imageTags: newest ? [commitHash, 'latest'] : [commitHash] }),
      imageSizeInBytes: random.int(48_000_000, 64_000_000),
      imagePushedAt: new Date(startedAt - (6 - age) * 31 * HOUR_MS - random.int(0, 3 * HOUR_MS)),
      imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      artifactMediaType: 'application/vnd.docker.container.image.v1+json',
    };
  });
}
