import type { Deployment, Service } from '@aws-sdk/client-ecs';
import type { EcsOperations } from '../../aws';
import { pollUntil, type Pacing } from './pacing';

/** How the rollout of a deploy ended across its services. */
export interface RolloutOutcome {
  succeeded: boolean;
  message: string;
}

/** What watching a rollout needs: the services and the task definitions they move to. */
export interface RolloutWatch {
  ecs: Pick<EcsOperations, 'describeServices'>;
  services: string[];
  taskDefinitionArns: string[];
  pacing: Pacing;
  onProgress(message: string): void;
  signal?: AbortSignal;
}

type ServiceRollout = { state: 'completed' | 'failed' | 'in-progress' | 'not-ours'; text: string };

/** Where one service's rollout to any of `arns` stands, read from its deployments. */
export function serviceRollout(service: Service, arns: readonly string[]): ServiceRollout {
  const name = service.serviceName ?? 'service';
  const ours: Deployment | undefined = service.deployments?.find(
    (deployment) => deployment.taskDefinition && arns.includes(deployment.taskDefinition),
  );
  if (!ours) {
    return { state: 'not-ours', text: `${name} is not deploying any of the new revisions` };
  }
  switch (ours.rolloutState) {
    case 'COMPLETED':
      return { state: 'completed', text: `${name}: rollout completed` };
    case 'FAILED':
      return {
        state: 'failed',
        text: `${name}: rollout failed: ${ours.rolloutStateReason ?? 'no reason given'}`,
      };
    default:
      return {
        state: 'in-progress',
        text: `${name}: ${ours.runningCount ?? 0} of ${ours.desiredCount ?? 0} tasks running, ${ours.failedTasks ?? 0} failed`,
      };
  }
}

/**
 * Polls the services a deploy touched until the deployment of the new task
 * definition has completed everywhere, or one failed (the circuit breaker).
 */
export async function watchRollout(watch: RolloutWatch): Promise<RolloutOutcome> {
  let last = '';
  return pollUntil(
    watch.pacing,
    () => watch.ecs.describeServices(watch.services),
    ({ services }) => {
      const states = services
        .map((service) => serviceRollout(service, watch.taskDefinitionArns))
        .filter((rollout) => rollout.state !== 'not-ours');
      const failed = states.filter((rollout) => rollout.state === 'failed');
      if (failed.length) {
        return { succeeded: false, message: failed.map((rollout) => rollout.text).join('; ') };
      }
      if (states.length === 0) {
        return {
          succeeded: false,
          message: 'No service is deploying the new task definition; it may have been rolled back.',
        };
      }
      if (states.every((rollout) => rollout.state === 'completed')) {
        return { succeeded: true, message: states.map((rollout) => rollout.text).join('; ') };
      }
      const text = states.map((rollout) => rollout.text).join('; ');
      if (text !== last) watch.onProgress((last = text));
      return undefined;
    },
    watch.signal,
  );
}
