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
