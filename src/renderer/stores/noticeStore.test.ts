import { describe, expect, it } from 'vitest';
import { createNoticeStore } from './noticeStore';

describe('failure notices', () => {
  it('shows each reported failure with its message', () => {
    const store = createNoticeStore();
    store.getState().report({ code: 'not-found', message: 'No such file: a.log' });
    store.getState().report('Upload failed');

    expect(store.getState().notices.map((notice) => notice.message)).toEqual([
      'No such file: a.log',
      'Upload failed',
    ]);
  });

  it('counts a repeated message instead of stacking copies', () => {
    const store = createNoticeStore();
    store.getState().report('The log index stopped');
    store.getState().report('The log index stopped');

    expect(store.getState().notices).toHaveLength(1);
    expect(store.getState().notices[0].repeats).toBe(2);
  });

  it('removes a dismissed notice and keeps the others', () => {
    const store = createNoticeStore();
    store.getState().report('first');
    store.getState().report('second');
    store.getState().dismiss(store.getState().notices[0].id);

    expect(store.getState().notices.map((notice) => notice.message)).toEqual(['second']);
  });
});

describe('failure notices when the environment changes', () => {
  const unreachable = {
    code: 'aws',
    message: 'Cannot reach AWS for sts:GetCallerIdentity. Check the network connection.',
  } as const;

  it('drops failures of the environment left and keeps app-wide ones', () => {
    const store = createNoticeStore();
    store.getState().environmentChanged('production');
    store.getState().report(unreachable);
    store.getState().report({ code: 'internal', message: 'Opsdesk is not reachable' });
    store.getState().report('Unexpected error: boom');
    store.getState().environmentChanged('sandbox');

    expect(store.getState().notices.map((notice) => notice.message)).toEqual([
      'Opsdesk is not reachable',
      'Unexpected error: boom',
    ]);
  });

  it('keeps failures of the environment switched to, and follows an explicit scope', () => {
    const store = createNoticeStore();
    store.getState().environmentChanged('production');
    store.getState().report('production only', { scope: 'environment' });
    store.getState().report({ code: 'aws', message: 'kept everywhere' }, { scope: 'app' });
    store.getState().environmentChanged('sandbox');
    store.getState().report(unreachable);
    store.getState().environmentChanged('sandbox');

    expect(store.getState().notices.map((notice) => notice.message)).toEqual([
      'kept everywhere',
      unreachable.message,
    ]);
  });

  it('counts failures reported before the environment was known as its own', () => {
    const store = createNoticeStore();
    store.getState().report(unreachable);
    store.getState().environmentChanged('production');
    expect(store.getState().notices).toHaveLength(1);

    store.getState().environmentChanged('sandbox');
    expect(store.getState().notices).toEqual([]);
  });
});
