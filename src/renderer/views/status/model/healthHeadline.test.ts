import { describe, expect, it } from 'vitest';
import type { HealthSummary, ServiceStatus, StatusSnapshot } from '../../../../shared/status';
import { healthHeadline } from './healthHeadline';

const WEB_COMMIT = '43c2548aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const WORKER_COMMIT = '9d48722bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

function service(serviceName: string, commitHashes: (string | null)[]): ServiceStatus {
  return {
    serviceName,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    taskDefinition: `${serviceName}:3`,
    deployments: [],
    images: commitHashes.map((commitHash, index) => ({
      containerName: `${serviceName}-${index}`,
      imageDigest: `sha256:${index}`,
      commitHash,
      imageReference: `repo/${serviceName}@sha256:${index}`,
    })),
    tasks: [],
    events: [],
  };
}

function snapshot(services: ServiceStatus[], health: Partial<HealthSummary> = {}): StatusSnapshot {
  const commits = services.flatMap((entry) => entry.images.map((image) => image.commitHash));
  return {
    environment: 'sandbox',
    cluster: 'demo-cluster',
    takenAt: '2026-12-03T12:00:00Z',
    health: {
      healthy: true,
      problems: [],
      runningCommits: [...new Set(commits.filter((commit) => commit !== null))],
      unknownCommit: commits.includes(null),
      inProgress: [],
      ...health,
    },
    services,
    workflowTasks: [],
    repositories: [],
    databases: [],
    problems: [],
  };
}

describe('the health line', () => {
  it('names the one commit when every service runs it', () => {
    const headline = healthHeadline(
      snapshot([service('web', [WEB_COMMIT]), service('worker', [WEB_COMMIT])]),
    );
    expect(headline).toEqual({
      text: 'All services healthy · running commit 43c2548 · nothing in progress',
      mixedCommits: false,
    });
  });

  it('says which service runs which commit when they differ, and marks it', () => {
    const headline = healthHeadline(
      snapshot([service('web', [WEB_COMMIT]), service('worker', [WORKER_COMMIT])]),
    );
    expect(headline).toEqual({
      text: 'All services healthy · web runs 43c2548, worker runs 9d48722 · nothing in progress',
      mixedCommits: true,
    });
  });

  it('keeps the problem count and work in progress beside differing commits', () => {
    const headline = healthHeadline(
      snapshot([service('web', [WEB_COMMIT, null]), service('worker', [WORKER_COMMIT])], {
        healthy: false,
        problems: ['web: 1/2 running'],
        inProgress: ['web: rollout', 'opsdesk-build: task'],
      }),
    );
    expect(headline.text).toBe(
      '1 problem · web runs 43c2548+an unknown commit, worker runs 9d48722 · 2 in progress',
    );
  });

  it('leaves a service that runs nothing out of the comparison', () => {
    const headline = healthHeadline(snapshot([service('web', [WEB_COMMIT]), service('old', [])]));
    expect(headline.mixedCommits).toBe(false);
  });
});
