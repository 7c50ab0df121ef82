import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Failure } from '../../shared/result';

/** A failure shown to the user until dismissed. */
export interface Notice {
  id: number;
  message: string;
  /** How many times the same message was reported while shown. */
  repeats: number;
}

/** Failure messages on show, and how to add and dismiss them. */
export interface NoticeState {
  notices: Notice[];
  report(failure: Failure | string): void;
  dismiss(id: number): void;
}

/** A reporter of failures, as stores receive it. */
export type ReportFailure = NoticeState['report'];

/**
 * Creates the store of failure notices shown in the banner.
 *
 * The same message reported again is counted, not stacked, so a failing
 * refresh loop cannot bury the view under copies.
 */
export function createNoticeStore(): StoreApi<NoticeState> {
  let nextId = 1;
  return createStore<NoticeState>()((set) => ({
    notices: [],
    report(failure) {
      const message = typeof failure === 'string' ? failure : failure.message;
      set(({ notices }) => {
        const same = notices.find((notice) => notice.message === message);
        if (same) {
          return {
            notices: notices.map((notice) =>
              notice === same ? { ...notice, repeats: notice.repeats + 1 } : notice,
            ),
          };
        }
        return { notices: [...notices, { id: nextId++, message, repeats: 1 }] };
      });
    },
    dismiss(id) {
      set(({ notices }) => ({ notices: notices.filter((notice) => notice.id !== id) }));
    },
  }));
}
