/** How a watcher waits between polls; tests pass one that returns at once. */
export interface Pacing {
  /** Resolves after `ms`, or rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Milliseconds between two polls. */
  pollMs: number;
  now(): number;
}

/** How many polls in a row may fail (a dropped network) before a watcher gives up. */
export const TOLERATED_POLL_FAILURES = 30;

/**
 * Polls `read` until `decide` returns a result, sleeping between polls.
 *
 * A failing read is retried: a run does not end because the network dropped
 * for a minute. Only `TOLERATED_POLL_FAILURES` failures in a row give up.
 */
export async function pollUntil<Read, Outcome>(
  pacing: Pacing,
  read: () => Promise<Read>,
  decide: (value: Read) => Outcome | undefined,
  signal?: AbortSignal,
): Promise<Outcome> {
  let failures = 0;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const value = await read();
      failures = 0;
      const outcome = decide(value);
      if (outcome !== undefined) return outcome;
    } catch (error) {
      failures += 1;
      if (failures >= TOLERATED_POLL_FAILURES || signal?.aborted) throw error;
    }
    await pacing.sleep(pacing.pollMs, signal);
  }
}
