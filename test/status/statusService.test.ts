import { describe, expect, it, vi } from 'vitest';
import type { AwsClients } from '../../src/main/aws';
import type { ActiveEnvironment } from '../../src/main/environments/environmentService';
import { createStatusService } from '../../src/main/status';
import type { ActiveEnvironmentInfo } from '../../src/shared/ipc/channels/environments';
import { OpsdeskError } from '../../src/shared/result';
import { NOW, deployment, freeBudget, service, testEnvironment } from './statusFixtures';

/** Clients whose ECS answers one healthy service; `failWith` makes every call fail. */
function fakeClients() {
  const state: { failWith: Error | null; describeServices: number; attempts: number } = {
    failWith: null,
    describeServices: 0,
    attempts: 0,
  };
  const answer = async <T>(value: T): Promise<T> => {
    if (state.failWith) throw state.failWith;
    return value;
  };
  const clients = {
    ecs: {
      listTasks: vi.fn((filter: { desiredStatus?: string }) => {
        if (filter.desiredStatus === 'RUNNING') state.attempts += 1;
        return answer([]);
      }),
      describeTasks: vi.fn(() => answer([])),
      describeServices: vi.fn(() => {
        state.describeServices += 1;
        return answer({
          services: [
            service('web', { deployments: [deployment({ id: 'd1', revision: 'web:7' })] }),
          ],
          failures: [],
        });
      }),
      describeTaskDefinition: vi.fn(() => answer({ containerDefinitions: [] })),
    },
    ecr: { describeImages: vi.fn(() => answer([])) },
    rds: {},
  } as unknown as AwsClients;
  return { clients, state };
}

function setup() {
  const { clients, state } = fakeClients();
  let environment = testEnvironment({ services: ['web'], ecrRepositories: [], databases: {} });
  const listeners = new Set<(info: ActiveEnvironmentInfo) => void>();
  let now = NOW;
  const environments = {
    current: vi.fn(async (): Promise<ActiveEnvironment> => ({ environment, clients })),
    onChanged: vi.fn((listener: (info: ActiveEnvironmentInfo) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  const status = createStatusService({ environments, budget: freeBudget(), now: () => now });
  return {
    status,
    state,
    advance: (ms: number) => (now += ms),
    switchTo(name: string) {
      environment = { ...environment, name };
      const info = { name, label: name, region: 'eu-west-1', readOnly: false, isSandbox: false };
      listeners.forEach((listener) => listener(info));
    },
  };
}

describe('sharing one status among callers', () => {
  it('answers callers asking at the same time with one collection', async () => {
    const { status, state } = setup();

    const reports = await Promise.all([status.get(), status.get(), status.refresh()]);

    expect(state.describeServices).toBe(1);
    expect(reports.map((report) => report.snapshot?.services[0].serviceName)).toEqual([
      'web',
      'web',
      'web',
    ]);
  });

  it('serves a recent status from memory and collects again once it is older than asked', async () => {
    const { status, state, advance } = setup();
    await status.get();

    advance(5_000);
    await status.get(10_000);
    expect(state.describeServices).toBe(1);

    advance(6_000);
    const report = await status.get(10_000);
    expect(state.describeServices).toBe(2);
    expect(report.snapshot?.takenAt).toBe(new Date(NOW + 11_000).toISOString());
  });

  it('collects at once when the refresh button asks, however recent the status', async () => {
    const { status, state } = setup();
    await status.get();

    await status.refresh();

    expect(state.describeServices).toBe(2);
  });
});

describe('when AWS cannot be reached', () => {
  it('keeps the last status and marks it stale with the reason', async () => {
    const { status, state, advance } = setup();
    const first = await status.get();
    state.failWith = new OpsdeskError('aws', 'Opsdesk lost the connection to AWS (ecs:ListTasks).');

    advance(20_000);
    const report = await status.refresh();

    expect(report.snapshot).toEqual(first.snapshot);
    expect(report.stale).toEqual({
      reason: 'Opsdesk lost the connection to AWS (ecs:ListTasks).',
      failedAt: new Date(NOW + 20_000).toISOString(),
      throttled: false,
    });
  });

  it('asks callers to wait twice as long after each failure in a row, up to two minutes', async () => {
    const { status, state } = setup();
    state.failWith = new OpsdeskError('aws', 'Opsdesk lost the connection to AWS.');

    const waits = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      waits.push((await status.refresh()).nextRefreshMs);

    expect(waits).toEqual([30_000, 60_000, 120_000, 120_000, 120_000]);
  });

  it('holds pollers off during the backoff, and clears the mark after a success', async () => {
    const { status, state, advance } = setup();
    state.failWith = new OpsdeskError('aws', 'AWS is limiting the request rate for ecs:ListTasks.');
    const failed = await status.refresh();
    expect(failed.stale?.throttled).toBe(true);
    expect(failed.nextRefreshMs).toBe(60_000);

    state.failWith = null;
    advance(20_000);
    expect((await status.get(10_000)).stale).not.toBeNull();
    expect(state.attempts).toBe(1);

    advance(40_000);
    const recovered = await status.get(10_000);
    expect(recovered.stale).toBeNull();
    expect(recovered.nextRefreshMs).toBe(15_000);
  });
});

describe('switching environments', () => {
  it('drops the old status and collects the new environment’s on the next ask', async () => {
    const { status, switchTo } = setup();
    await status.get();

    switchTo('staging');
    const report = await status.get();

    expect(report.environment).toBe('staging');
    expect(report.snapshot?.environment).toBe('staging');
  });
});
