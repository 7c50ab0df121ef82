import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ActiveEnvironmentInfo } from '../../shared/ipc/channels/environments';
import { createNoticeStore } from '../stores/noticeStore';
import { followActiveEnvironment } from './noticeEnvironment';

function environment(name: string): ActiveEnvironmentInfo {
  return { name, label: name, region: 'eu-west-1', readOnly: false, isSandbox: name === 'sandbox' };
}

describe('notices following the active environment', () => {
  it('clears the banner of the environment left when another becomes active', () => {
    const environments = createStore<{ active: ActiveEnvironmentInfo | null }>()(() => ({
      active: null,
    }));
    const notices = createNoticeStore();
    const stop = followActiveEnvironment(environments, notices);
    notices
      .getState()
      .report({ code: 'aws', message: 'Cannot reach AWS for sts:GetCallerIdentity' });
    environments.setState({ active: environment('production') });
    notices.getState().report({ code: 'aws', message: 'logs:FilterLogEvents failed' });
    notices.getState().report('Unexpected error: boom');
    expect(notices.getState().notices).toHaveLength(3);

    environments.setState({ active: environment('sandbox') });
    expect(notices.getState().notices.map((notice) => notice.message)).toEqual([
      'Unexpected error: boom',
    ]);

    stop();
    notices.getState().report({ code: 'aws', message: 'sandbox failure' });
    environments.setState({ active: environment('production') });
    expect(notices.getState().notices).toHaveLength(2);
  });
});
