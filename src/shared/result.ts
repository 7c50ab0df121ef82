/** Codes that classify a failure so the UI can choose how to show it. */
export type FailureCode =
  | 'invalid-request'
  | 'not-found'
  | 'unreadable'
  | 'query-syntax'
  | 'aws'
  | 'cancelled'
  /** Refused because something else is in progress, e.g. a second deploy. */
  | 'conflict'
  | 'internal';

/** A failure that crossed a process boundary as data, never as a thrown error. */
export interface Failure {
  code: FailureCode;
  /** One sentence a non-specialist can act on. */
  message: string;
  /** For query syntax errors: the character offset the message points at. */
  position?: number;
}

/** The outcome of every IPC request: a value or a failure, never an exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a failure as an unsuccessful result. */
export function fail<T = never>(code: FailureCode, message: string, position?: number): Result<T> {
  return {
    ok: false,
    error: position === undefined ? { code, message } : { code, message, position },
  };
}

/**
 * An error a service throws on purpose, carrying the failure to report.
 *
 * Services throw it where unwinding is simplest; the IPC layer turns it into a
 * failed Result so the renderer never sees an exception.
 */
export class OpsdeskError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    readonly position?: number,
  ) {
    super(message);
    this.name = 'OpsdeskError';
  }
}
