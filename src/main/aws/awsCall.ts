import { OpsdeskError } from '../../shared/result';
import { isThrottling, toOpsdeskError, type AwsCallTarget } from './awsErrors';

/** What a caller may pass to any operation of the client layer. */
export interface CallOptions {
  /** Cancels the call; the operation then fails with code `cancelled`. */
  signal?: AbortSignal;
  /** Told each time AWS throttles and Opsdesk waits before trying again. */
  onThrottled?: (message: string) => void;
}

/** How the client layer waits and gives up; tests shorten the waits. */
export interface CallPolicy {
  /** The longest one read call may take, retries included. */
  timeoutMs: number;
  /**
   * Extra waits after the SDK's own adaptive retries still met throttling.
   *
   * The SDK retries quickly and silently; these longer waits are reported
   * through `onThrottled` so the user knows why nothing moves.
   */
  throttleWaitsMs: readonly number[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Waits that real use needs: the SDK already retried, so back off for longer. */
export const DEFAULT_CALL_POLICY: CallPolicy = {
  timeoutMs: 30_000,
  throttleWaitsMs: [2_000, 5_000, 10_000],
  sleep: sleepUnlessAborted,
};

/**
 * Sends one read call with a deadline, cancellation and throttling waits.
 *
 * `send` receives the signal to hand to the SDK. Every error leaves as an
 * OpsdeskError whose message names the action.
 */
export async function readCall<T>(
  target: AwsCallTarget,
  policy: CallPolicy,
  options: CallOptions | undefined,
  send: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    if (options?.signal?.aborted) throw cancelled(target);
    const deadline = AbortSignal.timeout(policy.timeoutMs);
    const signal = options?.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    try {
      return await send(signal);
    } catch (error) {
      if (options?.signal?.aborted) throw cancelled(target);
      if (deadline.aborted) throw timedOut(target, policy.timeoutMs);
      await waitIfThrottled(error, attempt, target, policy, options);
    }
  }
}

/**
 * Sends a call that starts something, exactly once: no Opsdesk-level retry.
 *
 * Whether the SDK may retry is decided by the client (RunTask carries a
 * client token; the Lambda client makes one attempt).
 */
export async function startCall<T>(
  target: AwsCallTarget,
  options: CallOptions | undefined,
  send: (abortSignal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  try {
    return await send(options?.signal);
  } catch (error) {
    if (options?.signal?.aborted) throw cancelled(target);
    throw toOpsdeskError(error, { ...target, startsWork: true });
  }
}

/**
 * Follows every page of a paginated read, resuming after throttling.
 *
 * `open` starts the SDK paginator from a token; a throttled page is retried
 * from the last token seen, so no page is lost or read twice.
 */
export async function* readPages<Page>(
  target: AwsCallTarget,
  policy: CallPolicy,
  options: CallOptions | undefined,
  open: (
    startingToken: string | undefined,
    abortSignal: AbortSignal | undefined,
  ) => AsyncIterable<Page>,
  nextToken: (page: Page) => string | undefined,
): AsyncGenerator<Page, void, undefined> {
  let token: string | undefined;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if (options?.signal?.aborted) throw cancelled(target);
      for await (const page of open(token, options?.signal)) {
        token = nextToken(page);
        attempt = 0;
        yield page;
        // The SDK paginator sends the next request without looking at the signal.
        if (options?.signal?.aborted) throw cancelled(target);
      }
      return;
    } catch (error) {
      if (options?.signal?.aborted) throw cancelled(target);
      await waitIfThrottled(error, attempt, target, policy, options);
    }
  }
}

/** Collects every item of every page into one list. */
export async function collectPages<Page, Item>(
  pages: AsyncIterable<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...(itemsOf(page) ?? []));
  return items;
}

/** Splits a list into batches of at most `size`, for APIs that cap their input. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}

async function waitIfThrottled(
  error: unknown,
  attempt: number,
  target: AwsCallTarget,
  policy: CallPolicy,
  options: CallOptions | undefined,
): Promise<void> {
  const waitMs = policy.throttleWaitsMs[attempt];
  if (!isThrottling(error) || waitMs === undefined) throw toOpsdeskError(error, target);

  options?.onThrottled?.(
    `AWS is limiting the request rate for ${target.action}; waiting ${Math.ceil(waitMs / 1000)} s before trying again.`,
  );
  try {
    await policy.sleep(waitMs, options?.signal);
  } catch {
    throw cancelled(target);
  }
}

function cancelled(target: AwsCallTarget): OpsdeskError {
  return new OpsdeskError('cancelled', `${target.action} was cancelled.`);
}

function timedOut(target: AwsCallTarget, timeoutMs: number): OpsdeskError {
  return new OpsdeskError(
    'aws',
    `AWS did not answer ${target.action} within ${Math.max(1, Math.round(timeoutMs / 1000))} s. ` +
      'Check the network connection and try again.',
  );
}

/** Resolves after `ms`, or rejects as soon as the signal aborts. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
