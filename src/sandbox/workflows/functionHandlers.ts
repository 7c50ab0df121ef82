import type { SandboxContext } from '../context';
import { findTaskDefinition, lastArnPart, registerRevision } from '../ecsModel';
import type { FaultMode } from '../faults';
import { demoDbSnapshot } from '../seed/rds';
import type { EcsService, SandboxWorld } from '../state';
import { rollOut } from './rollout';

/** What a workflow function's handler can do while it runs. */
export interface FunctionRun {
  context: SandboxContext;
  world: SandboxWorld;
  /** Writes an application line to the function's log stream. */
  log(message: string): void;
  /** Waits realistic milliseconds, scaled. */
  sleep(ms: number): Promise<void>;
  fault?: FaultMode;
}

/** The JSON a workflow function returns: a status, a message and named outputs. */
export interface WorkflowResult {
  status: 'succeeded';
  message: string;
  outputs: Record<string, unknown>;
}

/** An error the function throws; Lambda answers it with `X-Amz-Function-Error: Unhandled`. */
export class FunctionFailure extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

/** A workflow function's handler. */
export type FunctionHandler = (
  run: FunctionRun,
  event: Record<string, unknown>,
) => Promise<WorkflowResult>;

function targetServices(world: SandboxWorld, event: Record<string, unknown>): EcsService[] {
  const names = Array.isArray(event.services)
    ? (event.services as string[])
    : typeof event.service === 'string'
      ? [event.service]
      : world.facts.services;
  return names.map((name) => {
    const service = world.ecs.services.find(
      (candidate) => candidate.serviceName === lastArnPart(name),
    );
    if (!service)
      throw new FunctionFailure(
        'ServiceNotFound',
        `Service ${name} does not exist in ${world.facts.clusterName}.`,
      );
    return service;
  });
}

function commitOf(world: SandboxWorld, imageDigest: string): string | null {
  const image = world.ecr.images.find((candidate) => candidate.imageDigest === imageDigest);
  return image?.imageTags?.find((tag) => /^[0-9a-f]{40}$/.test(tag)) ?? null;
}

async function rollOutAll(
  run: FunctionRun,
  plans: { service: EcsService; definitionArn: string }[],
): Promise<void> {
  const failing = run.fault === 'rollout-failed';
  const outcomes = await Promise.all(
    plans.map(({ service, definitionArn }) =>
      rollOut(
        run.context,
        run.world,
        service,
        findTaskDefinition(run.world, definitionArn)!,
        failing,
      ),
    ),
  );
  const failed = plans
    .filter((_, index) => !outcomes[index])
    .map(({ service }) => service.serviceName);
  if (failed.length) {
    run.log(
      `Deployment of ${failed.join(', ')} failed: ECS deployment circuit breaker: tasks failed to start.`,
    );
    throw new FunctionFailure(
      'DeploymentFailed',
      `Deployment failed for ${failed.join(', ')}: tasks failed to start; ECS rolled back.`,
    );
  }
}

function failIfArmed(run: FunctionRun, what: string): void {
  if (run.fault !== 'function-error') return;
  throw new FunctionFailure(
    'Error',
    `${what} failed: could not acquire the workflow lock (simulated failure)`,
  );
}

/** Deploys an image, pinned by digest, to services (all of them unless `service(s)` is given). */
const deploy: FunctionHandler = async (run, event) => {
  const imageDigest = String(event.imageDigest ?? '');
  if (!/^sha256:[0-9a-f]{64}$/.test(imageDigest)) {
    throw new FunctionFailure('ValidationError', 'imageDigest must be a sha256 digest.');
  }
  const image = run.world.ecr.images.find((candidate) => candidate.imageDigest === imageDigest);
  if (!image)
    throw new FunctionFailure(
      'ImageNotFound',
      `Image ${imageDigest} is not in ${run.world.facts.repositoryName}.`,
    );
  const services = targetServices(run.world, event);

  run.log(`Deploying ${imageDigest} to service ${services.map((s) => s.serviceName).join(', ')}`);
  await run.sleep(500);
  failIfArmed(run, 'Deployment');

  const now = run.context.clock.now();
  const plans = services.map((service) => {
    const current = findTaskDefinition(run.world, service.taskDefinition)!;
    const definition = registerRevision(
      run.world,
      current,
      `${run.world.facts.repositoryUri}@${imageDigest}`,
      now,
    );
    run.log(`Registered ${definition.family}:${definition.revision}`);
    return { service, definitionArn: definition.taskDefinitionArn };
  });
  await rollOutAll(run, plans);

  const commitHash = commitOf(run.world, imageDigest);
  run.log('Deployment completed');
  return {
    status: 'succeeded',
    message: `Deployed ${imageDigest.slice(0, 19)}… to ${services.map((s) => s.serviceName).join(', ')}.`,
    outputs: {
      imageDigest,
      commitHash,
      taskDefinitionArns: plans.map((plan) => plan.definitionArn),
    },
  };
};

/** Returns services to the task definition revision before the current one (or a given one). */
const rollback: FunctionHandler = async (run, event) => {
  const services = targetServices(run.world, event);
  await run.sleep(400);
  failIfArmed(run, 'Rollback');

  const plans = services.map((service) => {
    const current = findTaskDefinition(run.world, service.taskDefinition)!;
    const wanted =
      typeof event.taskDefinition === 'string'
        ? findTaskDefinition(run.world, event.taskDefinition)
        : undefined;
    const previous =
      wanted ??
      run.world.ecs.taskDefinitions
        .filter(
          (definition) =>
            definition.family === current.family && definition.revision < current.revision,
        )
        .sort((a, b) => b.revision - a.revision)[0];
    if (!previous)
      throw new FunctionFailure(
        'NothingToRollBackTo',
        `${service.serviceName} has no earlier revision.`,
      );
    run.log(
      `Rolling ${service.serviceName} back from ${current.family}:${current.revision} to ${previous.family}:${previous.revision}`,
    );
    return { service, definitionArn: previous.taskDefinitionArn };
  });
  await rollOutAll(run, plans);

  const definition = findTaskDefinition(run.world, plans[0].definitionArn)!;
  const imageDigest =
    /@(sha256:[0-9a-f]{64})$/.exec(definition.containerDefinitions[0].image)?.[1] ?? null;
  return {
    status: 'succeeded',
    message: `Rolled back ${services.map((s) => s.serviceName).join(', ')}.`,
    outputs: {
      taskDefinitionArns: plans.map((plan) => plan.definitionArn),
      imageDigest,
      commitHash: imageDigest && commitOf(run.world, imageDigest),
    },
  };
};

/** Realistic time a snapshot takes to complete, and how often its progress moves. */
const SNAPSHOT_MS = 20_000;
const SNAPSHOT_STEPS = 4;

/** Starts a manual snapshot; it shows as `creating` with a PercentProgress until available. */
const backup: FunctionHandler = async (run, event) => {
  const instanceId = String(event.dbInstanceIdentifier ?? run.world.facts.dbInstanceIdentifier);
  const instance = run.world.rds.instances.find(
    (candidate) => candidate.DBInstanceIdentifier === instanceId,
  );
  if (!instance)
    throw new FunctionFailure('DBInstanceNotFound', `DBInstance ${instanceId} not found.`);
  await run.sleep(600);
  // A backup has no rollout to fail; any armed fault fails the function.
  if (run.fault)
    throw new FunctionFailure(
      'Error',
      'Backup failed: could not acquire the workflow lock (simulated failure)',
    );

  const now = run.context.clock.now();
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const snapshotId =
    typeof event.snapshotId === 'string' ? event.snapshotId : `opsdesk-backup-${stamp}`;
  if (run.world.rds.snapshots.some((snapshot) => snapshot.DBSnapshotIdentifier === snapshotId)) {
    throw new FunctionFailure('DBSnapshotAlreadyExists', `Snapshot ${snapshotId} already exists.`);
  }
  const snapshot = demoDbSnapshot(
    snapshotId,
    'manual',
    now,
    String(instance.DbiResourceId),
    'creating',
    0,
  );
  run.world.rds.snapshots.push(snapshot);
  for (let step = 1; step <= SNAPSHOT_STEPS; step++) {
    run.context.clock.after((SNAPSHOT_MS * step) / SNAPSHOT_STEPS, () => {
      snapshot.PercentProgress = Math.round((100 * step) / SNAPSHOT_STEPS);
      if (step === SNAPSHOT_STEPS) snapshot.Status = 'available';
    });
  }
  run.log(`Snapshot ${snapshotId} of ${instanceId} started`);
  await run.sleep(300);
  return {
    status: 'succeeded',
    message: `Snapshot ${snapshotId} started; it is available in a few minutes.`,
    outputs: { snapshotId, dbInstanceIdentifier: instanceId },
  };
};

/** The workflow functions of the demo account, by function name. */
export const FUNCTION_HANDLERS: Record<string, FunctionHandler> = {
  'opsdesk-deploy': deploy,
  'opsdesk-rollback': rollback,
  'opsdesk-backup': backup,
};
