/**
 * Time as the sandbox sees it: the wall clock for timestamps, and scaled
 * delays for how long workflows take, so tests can run them ten times faster.
 */
export interface SandboxClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Runs `action` after `ms` realistic milliseconds, multiplied by the time scale. */
  after(ms: number, action: () => void): void;
  /** Resolves after `ms` realistic milliseconds, multiplied by the time scale. */
  sleep(ms: number): Promise<void>;
  /** Cancels every pending delay; used when the sandbox closes. */
  dispose(): void;
}

/** Creates the clock; `timeScale` 1 is realistic, 0.1 is ten times faster. */
export function createClock(timeScale: number, now: () => number = Date.now): SandboxClock {
  const pending = new Set<ReturnType<typeof setTimeout>>();

  const after = (ms: number, action: () => void): void => {
    const timer = setTimeout(
      () => {
        pending.delete(timer);
        action();
      },
      Math.max(0, Math.round(ms * timeScale)),
    );
    pending.add(timer);
  };

  return {
    now,
    after,
    sleep: (ms) => new Promise((resolve) => after(ms, resolve)),
    dispose: () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
