import { describe, expect, it } from 'vitest';
import { readCall, readPages, startCall } from '../../src/main/aws/awsCall';
import { OpsdeskError } from '../../src/shared/result';
import { awsError, recordingPolicy } from './fakes';

const target = { action: 'ecs:ListServices', resource: 'demo-cluster' };

async function caught(promise: Promise<unknown>): Promise<OpsdeskError> {
  try {
    await promise;
  } catch (error) {
    return error as OpsdeskError;
  }
  throw new Error('expected the call to fail');
}

describe('read calls under throttling', () => {
  it('waits longer after the SDK gave up, saying that it waits, then succeeds', async () => {
    const policy = recordingPolicy();
    const messages: string[] = [];
    let attempts = 0;

    const value = await readCall(
      target,
      policy,
      { onThrottled: (m) => messages.push(m) },
      async () => {
        attempts += 1;
        if (attempts < 3) throw awsError('ThrottlingException', 'Rate exceeded');
        return 'services';
      },
    );

    expect(value).toBe('services');
    expect(policy.waits).toEqual([2_000, 5_000]);
    expect(messages).toEqual([
      'AWS is limiting the request rate for ecs:ListServices; waiting 2 s before trying again.',
      'AWS is limiting the request rate for ecs:ListServices; waiting 5 s before trying again.',
    ]);
  });

  it('gives up with a clear message once every wait is used', async () => {
    const policy = recordingPolicy({ throttleWaitsMs: [1_000] });

    const error = await caught(
      readCall(target, policy, undefined, async () => {
        throw awsError('ThrottlingException', 'Rate exceeded');
      }),
    );

    expect(error.code).toBe('aws');
    expect(error.message).toBe(
      'AWS is limiting the request rate for ecs:ListServices; Opsdesk waited and retried. Wait a minute, then try again.',
    );
    expect(policy.waits).toEqual([1_000]);
  });

  it('does not retry errors other than throttling', async () => {
    const policy = recordingPolicy();
    let attempts = 0;

    await caught(
      readCall(target, policy, undefined, async () => {
        attempts += 1;
        throw awsError('ClusterNotFoundException', 'Cluster not found.');
      }),
    );

    expect(attempts).toBe(1);
    expect(policy.waits).toEqual([]);
  });
});

describe('deadlines and cancellation', () => {
  const hangUntilAborted = (signal: AbortSignal) =>
    new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () =>
        reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
      ),
    );

  it('fails a read that takes longer than the deadline', async () => {
    const policy = recordingPolicy({ timeoutMs: 30 });

    const error = await caught(readCall(target, policy, undefined, hangUntilAborted));

    expect(error.code).toBe('aws');
    expect(error.message).toMatch(/^AWS did not answer ecs:ListServices within 1 s/);
  });

  it('reports a read cancelled by the caller as cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);

    const error = await caught(
      readCall(target, recordingPolicy(), { signal: controller.signal }, hangUntilAborted),
    );

    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('ecs:ListServices was cancelled.');
  });

  it('stops following pages as soon as the caller cancels', async () => {
    const controller = new AbortController();
    let requested = 0;
    async function* threePages() {
      for (const token of ['a', 'b', undefined]) {
        requested += 1;
        yield { items: [requested], nextToken: token };
      }
    }
    const seen: number[] = [];

    const error = await caught(
      (async () => {
        for await (const page of readPages(
          target,
          recordingPolicy(),
          { signal: controller.signal },
          () => threePages(),
          (page) => page.nextToken,
        )) {
          seen.push(...page.items);
          controller.abort();
        }
      })(),
    );

    expect(error.code).toBe('cancelled');
    expect(seen).toEqual([1]);
    expect(requested).toBe(1);
  });
});

describe('pagination under throttling', () => {
  it('resumes from the last token instead of starting over', async () => {
    const starts: (string | undefined)[] = [];
    let throttled = false;
    async function* pagesFrom(token: string | undefined) {
      starts.push(token);
      if (token === undefined) yield { items: ['first'], nextToken: 't1' };
      if (!throttled) {
        throttled = true;
        throw awsError('ThrottlingException', 'Rate exceeded');
      }
      yield { items: ['second'], nextToken: undefined };
    }
    const items: string[] = [];

    for await (const page of readPages(
      target,
      recordingPolicy(),
      undefined,
      pagesFrom,
      (page) => page.nextToken,
    )) {
      items.push(...page.items);
    }

    expect(items).toEqual(['first', 'second']);
    expect(starts).toEqual([undefined, 't1']);
  });
});

describe('calls that start work', () => {
  it('are sent once, even when throttled', async () => {
    let attempts = 0;

    const error = await caught(
      startCall(
        { action: 'lambda:InvokeFunction', resource: 'opsdesk-deploy' },
        undefined,
        async () => {
          attempts += 1;
          throw awsError('TooManyRequestsException', 'Rate exceeded');
        },
      ),
    );

    expect(attempts).toBe(1);
    expect(error.message).toBe(
      'AWS is limiting the request rate for lambda:InvokeFunction; nothing was started. Wait a minute, then try again.',
    );
  });
});
