// Shared fakes for the client-layer tests: AWS-shaped errors and a call
// policy whose waits are recorded instead of slept.
import type { CallPolicy } from '../../src/main/aws/awsCall';

/** An error shaped like the SDK's service exceptions. */
export function awsError(
  name: string,
  message: string,
  extra: Record<string, unknown> = {},
): Error & { $metadata: { httpStatusCode?: number } } {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    ...extra,
  });
}

/** An error shaped like a dropped connection from Node's HTTP stack. */
export function connectionReset(): Error {
  return Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' });
}

/** A call policy that records the waits it is asked for and returns at once. */
export function recordingPolicy(overrides: Partial<CallPolicy> = {}): CallPolicy & {
  waits: number[];
} {
  const waits: number[] = [];
  return {
    timeoutMs: 5_000,
    throttleWaitsMs: [2_000, 5_000],
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
    waits,
  };
}

/** Static keys for clients whose calls never leave the process. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };
