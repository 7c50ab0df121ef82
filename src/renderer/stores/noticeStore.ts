import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Failure, FailureCode } from '../../shared/result';

/** A failure shown to the user until dismissed. */
export interface Notice {
  id: number;
  message: string;
  /** How many times the same message was reported while shown. */
  repeats: number;
  /**
   * The environment active when it was reported, for a failure that belongs
   * to it (an AWS call, a request about its resources); absent for app-wide ones.
   */
  environment?: string;
  /** Whether the failure belongs to the environment active when it was reported. */
  environmentScoped: boolean;
}

/** How a report is kept: `environment` notices go when the environment changes. */
export interface ReportOptions {
  scope?: 'environment' | 'app';
}

/** Failure messages on show, and how to add and dismiss them. */
export interface NoticeState {
  notices: Notice[];
  /** The active environment as last told; notices reported now belong to it. */
  environment?: string;
  report(failure: Failure | string, options?: ReportOptions): void;
  dismiss(id: number): void;
  /**
   * Tells the store the active environment: the first time, which one
   * notices so far belong to; after that, that it changed, dropping notices
   * of the environments left while app-wide ones stay.
   */
  environmentChanged(environment: string): void;
}

/** A reporter of failures, as stores receive it. */
export type ReportFailure = NoticeState['report'];

/**
 * Failures that come from the active environment's resources. Local files,
 * query syntax and Opsdesk's own failures (e.g. its server not reachable) are app-wide.
 */
const ENVIRONMENT_CODES: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'aws',
  'invalid-request',
  'conflict',
  'not-found',
]);

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
    report(failure, options = {}) {
      const message = typeof failure === 'string' ? failure : failure.message;
      const environmentScoped =
        options.scope === undefined
          ? typeof failure !== 'string' && ENVIRONMENT_CODES.has(failure.code)
          : options.scope === 'environment';
      set(({ notices, environment }) => {
        const same = notices.find((notice) => notice.message === message);
        if (same) {
          return {
            notices: notices.map((notice) =>
              notice === same ? { ...notice, repeats: notice.repeats + 1 } : notice,
            ),
          };
        }
        const notice: Notice = { id: nextId++, message, repeats: 1, environmentScoped };
        if (environmentScoped && environment !== undefined) notice.environment = environment;
        return { notices: [...notices, notice] };
      });
    },
    dismiss(id) {
      set(({ notices }) => ({ notices: notices.filter((notice) => notice.id !== id) }));
    },
    environmentChanged(environment) {
      set(({ notices, environment: known }) => ({
        environment,
        notices:
          known === undefined
            ? // The first environment told is the one notices so far were reported in.
              notices.map((notice) =>
                notice.environmentScoped && notice.environment === undefined
                  ? { ...notice, environment }
                  : notice,
              )
            : notices.filter(
                (notice) => !notice.environmentScoped || notice.environment === environment,
              ),
      }));
    },
  }));
}
