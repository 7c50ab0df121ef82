import { createRandom, hashSeed } from '../random';
import type { SandboxWorld } from '../state';

/** What a one-shot task does: log lines over time, then an exit, then an effect on the account. */
export interface TaskProgram {
  /** Lines and when they are written, in realistic milliseconds after the container starts. */
  lines: { afterMs: number; message: string }[];
  /** When the essential container exits, in realistic milliseconds after it starts. */
  exitAfterMs: number;
  exitCode: number;
  /** Why the container stopped; ECS puts it on `containers[].reason`. */
  reason?: string;
  /** Runs when the container exits with code 0, e.g. pushes the built image. */
  onSuccess?: (now: number) => void;
}

/** Inputs to a program: the container's environment after overrides, and whether to fail. */
export interface ProgramInput {
  environment: Map<string, string>;
  failing: boolean;
  runNumber: number;
}

const COMMIT_SUBJECTS = [
  'Fix rounding of order totals',
  'Add stock sync retries',
  'Bump dependencies',
  'Speed up invoice rendering',
];

/** The build workflow: builds the commit, pushes an image tagged with its hash, reports both. */
export function buildProgram(world: SandboxWorld, input: ProgramInput): TaskProgram {
  const ref = input.environment.get('GIT_REF') ?? 'main';
  const given = input.environment.get('COMMIT_HASH') ?? '';
  const random = createRandom(hashSeed(world.facts.accountId, ref, given, input.runNumber));
  const commitHash = /^[0-9a-f]{40}$/.test(given) ? given : random.hex(40);
  const imageDigest = `sha256:${random.hex(64)}`;
  const uri = world.facts.repositoryUri;

  const steps = [
    { afterMs: 0, message: `Cloning repository (ref ${ref})` },
    {
      afterMs: 500,
      message: `HEAD is now at ${commitHash.slice(0, 7)} ${random.pick(COMMIT_SUBJECTS)}`,
    },
    { afterMs: 1000, message: '#1 [internal] load build definition from Dockerfile' },
    { afterMs: 1800, message: '#7 [build 3/5] RUN npm ci' },
    { afterMs: 2800, message: '#9 [build 5/5] RUN npm run build' },
  ];
  if (input.failing) {
    const message = 'npm run build exited with code 1';
    return {
      lines: [
        ...steps,
        {
          afterMs: 3600,
          message:
            "src/orders/total.ts(41,7): error TS2322: Type 'string' is not assignable to type 'number'.",
        },
        {
          afterMs: 3700,
          message:
            'ERROR: failed to solve: process "/bin/sh -c npm run build" did not complete successfully: exit code: 2',
        },
        { afterMs: 3800, message: JSON.stringify({ status: 'failed', message, commitHash }) },
      ],
      exitAfterMs: 4000,
      exitCode: 1,
      reason: `Build failed: ${message}`,
    };
  }

  return {
    lines: [
      ...steps,
      { afterMs: 4000, message: '#11 exporting to image' },
      { afterMs: 4600, message: `The push refers to repository [${uri}]` },
      { afterMs: 5200, message: `${commitHash}: digest: ${imageDigest} size: 2417` },
      { afterMs: 5400, message: JSON.stringify({ status: 'succeeded', commitHash, imageDigest }) },
    ],
    exitAfterMs: 5600,
    exitCode: 0,
    onSuccess: (now) => {
      // A pushed tag moves: the image that had it before keeps only its other tags.
      for (const image of world.ecr.images) {
        image.imageTags = image.imageTags?.filter((tag) => tag !== commitHash);
        if (image.imageTags?.length === 0) delete image.imageTags;
      }
      world.ecr.images.push({
        registryId: world.facts.accountId,
        repositoryName: world.facts.repositoryName,
        imageDigest,
        imageTags: [commitHash],
        imageSizeInBytes: random.int(48_000_000, 64_000_000),
        imagePushedAt: new Date(now),
        imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        artifactMediaType: 'application/vnd.docker.container.image.v1+json',
      });
    },
  };
}

/** The restore workflow: restores the database from a snapshot picked by the operator. */
export function restoreProgram(world: SandboxWorld, input: ProgramInput): TaskProgram {
  const snapshotId = input.environment.get('SNAPSHOT_ID');
  const instance = input.environment.get('DB_INSTANCE') ?? world.facts.dbInstanceIdentifier;
  const snapshot = world.rds.snapshots.find(
    (candidate) => candidate.DBSnapshotIdentifier === snapshotId,
  );

  const failure = (message: string, exitCode = 1): TaskProgram => ({
    lines: [
      { afterMs: 0, message: `Restoring ${instance} from snapshot ${snapshotId ?? '(none)'}` },
      { afterMs: 800, message: `ERROR: ${message}` },
      {
        afterMs: 900,
        message: JSON.stringify({ status: 'failed', message, snapshotId: snapshotId ?? null }),
      },
    ],
    exitAfterMs: 1000,
    exitCode,
    reason: `Restore failed: ${message}`,
  });
  if (!snapshotId) return failure('SNAPSHOT_ID is not set', 2);
  if (!snapshot) return failure(`snapshot ${snapshotId} not found`);
  if (snapshot.Status !== 'available')
    return failure(`snapshot ${snapshotId} is ${String(snapshot.Status)}`);

  const lines = [
    { afterMs: 0, message: `Restoring ${instance} from snapshot ${snapshotId}` },
    { afterMs: 700, message: `Creating instance ${instance}-restore from ${snapshotId}` },
    { afterMs: 2000, message: 'Waiting for the restored instance to become available' },
  ];
  if (input.failing) {
    const message = 'the restored instance did not become available in time';
    return {
      lines: [
        ...lines,
        { afterMs: 3600, message: `ERROR: ${message}` },
        { afterMs: 3700, message: JSON.stringify({ status: 'failed', message, snapshotId }) },
      ],
      exitAfterMs: 3800,
      exitCode: 1,
      reason: `Restore failed: ${message}`,
    };
  }
  return {
    lines: [
      ...lines,
      { afterMs: 4000, message: `Renaming ${instance}-restore to ${instance}` },
      { afterMs: 5200, message: 'Restore complete; application connections resume' },
      {
        afterMs: 5300,
        message: JSON.stringify({
          status: 'succeeded',
          snapshotId,
          dbInstanceIdentifier: instance,
        }),
      },
    ],
    exitAfterMs: 5500,
    exitCode: 0,
  };
}

/** A one-shot task of any other family: starts, logs, exits 0. */
export function genericProgram(): TaskProgram {
  return {
    lines: [
      { afterMs: 0, message: 'Task started' },
      { afterMs: 1500, message: JSON.stringify({ status: 'succeeded' }) },
    ],
    exitAfterMs: 2000,
    exitCode: 0,
  };
}
