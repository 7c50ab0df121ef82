import { describe, expect, it, vi } from 'vitest';
import type { PullableGroup } from '../../src/shared/ipc/channels/logpull';
import type { Result } from '../../src/shared/result';
import { resolvePullRange } from '../../src/renderer/views/logs/pull/pullRange';
import { createPullStore } from '../../src/renderer/views/logs/pull/pullStore';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const HOUR = 3_600_000;
const answer = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

function setup(estimatedBytes: number) {
  const groups: PullableGroup[] = [
    { name: '/ecs/demo/web', unfinished: false, pulledUntil: NOW - HOUR },
    { name: '/ecs/demo/worker', unfinished: false },
  ];
  const logs = {
    pullGroups: vi.fn(() => answer(groups)),
    pullEstimate: vi.fn(() =>
      answer({ estimatedBytes, localLimitBytes: 1000, beyondLocalLimit: estimatedBytes > 1000 }),
    ),
    pull: vi.fn(() => answer({ pullId: 'p1' })),
    pullCancel: vi.fn(() => answer(true)),
    insightsHistogram: vi.fn(),
  };
  const report = vi.fn();
  const store = createPullStore({
    api: { logs } as never,
    report,
    timeZone: 'Europe/Berlin',
    now: () => NOW,
  });
  return { store, logs, report };
}

describe('the pull form', () => {
  it('starts with the first group picked and pulls the last 6 h of it', async () => {
    const { store, logs } = setup(500);
    await store.getState().loadGroups();
    expect(store.getState().selected).toEqual(['/ecs/demo/web']);
    await store.getState().pull();
    expect(logs.pull).toHaveBeenCalledWith({
      logGroups: ['/ecs/demo/web'],
      from: NOW - 6 * HOUR,
      to: NOW,
    });
  });

  it('offers Logs Insights instead of pulling a range beyond the local limit', async () => {
    const { store, logs } = setup(5000);
    await store.getState().loadGroups();
    await store.getState().pull();
    expect(logs.pull).not.toHaveBeenCalled();
    expect(store.getState().estimate?.estimatedBytes).toBe(5000);
  });

  it('refreshes with the filter pattern and stream prefix given', async () => {
    const { store, logs } = setup(500);
    await store.getState().loadGroups();
    store.getState().setFilterPattern(' ERROR ');
    store.getState().setStreamPrefix('web/');
    await store.getState().refresh();
    expect(logs.pull).toHaveBeenCalledWith({
      logGroups: ['/ecs/demo/web'],
      streamPrefixes: ['web/'],
      filterPattern: 'ERROR',
      refresh: true,
    });
  });

  it('narrows the form to bars picked on the Insights histogram, in local time', () => {
    const { store } = setup(500);
    store.getState().drillInto({ from: NOW - 2 * HOUR, to: NOW - HOUR });
    expect(store.getState().rangeChoice).toBe('custom');
    expect(store.getState().custom).toEqual({ from: '2026-12-03T11:00', to: '2026-12-03T12:00' });
  });
});

describe('a pull that cannot start', () => {
  const unreachable = {
    ok: false as const,
    error: { code: 'aws' as const, message: 'Cannot reach AWS for logs:DescribeLogGroups.' },
  };

  it('says why in the panel when the estimate fails', async () => {
    const { store, logs } = setup(500);
    await store.getState().loadGroups();
    logs.pullEstimate.mockReturnValueOnce(Promise.resolve(unreachable) as never);
    await store.getState().pull();
    expect(logs.pull).not.toHaveBeenCalled();
    expect(store.getState().problem).toBe(unreachable.error.message);
  });

  it('says why in the panel when the pull or the refresh is refused', async () => {
    const { store, logs } = setup(500);
    await store.getState().loadGroups();
    logs.pull.mockReturnValue(Promise.resolve(unreachable) as never);
    await store.getState().refresh();
    expect(store.getState().problem).toBe(unreachable.error.message);
    await store.getState().pull();
    expect(store.getState().problem).toBe(unreachable.error.message);
  });
});

describe('pull ranges', () => {
  it('count relative ranges back from now', () => {
    expect(resolvePullRange('24h', { from: '', to: '' }, NOW, 'UTC')).toEqual({
      from: NOW - 24 * HOUR,
      to: NOW,
    });
  });

  it("read custom inputs in the user's zone", () => {
    const range = resolvePullRange(
      'custom',
      { from: '2026-12-03T08:00', to: '2026-12-03T10:00' },
      NOW,
      'Europe/Berlin',
    );
    expect(range).toEqual({
      from: Date.parse('2026-12-03T07:00:00Z'),
      to: Date.parse('2026-12-03T09:00:00Z'),
    });
  });

  it('refuse a custom range that ends before it starts', () => {
    const range = resolvePullRange(
      'custom',
      { from: '2026-12-03T10:00', to: '2026-12-03T08:00' },
      NOW,
      'UTC',
    );
    expect(range).toEqual({ problem: 'The range must end after it starts.' });
  });
});
