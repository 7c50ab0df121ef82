import {
  healthLine,
  shortCommit,
  type ServiceStatus,
  type StatusSnapshot,
} from '../../../../shared/status';
import { countOf } from '../../../format/plural';

/** The verdict line at the top of the Status view. */
export interface HealthHeadline {
  text: string;
  /**
   * The services run different commits, e.g. after one was rolled back:
   * not unhealthy, but worth a look.
   */
  mixedCommits: boolean;
}

/** What a service's primary deployment runs, as short commits: `43c2548`, `43c2548+9d48722`. */
function serviceCommit(service: ServiceStatus): string | null {
  if (service.images.length === 0) return null;
  const commits = [
    ...new Set(
      service.images.map((image) =>
        image.commitHash ? shortCommit(image.commitHash) : 'an unknown commit',
      ),
    ),
  ];
  return commits.join('+');
}

/**
 * The health line; when services run different commits it says which runs
 * which, where the one-line summary would only list the commits.
 */
export function healthHeadline(snapshot: StatusSnapshot): HealthHeadline {
  const running = snapshot.services
    .map((service) => ({ name: service.serviceName, commit: serviceCommit(service) }))
    .filter((service): service is { name: string; commit: string } => service.commit !== null);
  const mixedCommits = new Set(running.map((service) => service.commit)).size > 1;
  if (!mixedCommits) return { text: healthLine(snapshot.health), mixedCommits };

  const { health } = snapshot;
  const verdict = health.healthy
    ? 'All services healthy'
    : countOf(health.problems.length, 'problem');
  const who = running.map((service) => `${service.name} runs ${service.commit}`).join(', ');
  const progress =
    health.inProgress.length === 0
      ? 'nothing in progress'
      : `${health.inProgress.length} in progress`;
  return { text: `${verdict} · ${who} · ${progress}`, mixedCommits };
}
