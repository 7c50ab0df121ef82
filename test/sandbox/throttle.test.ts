import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListServicesCommand } from '@aws-sdk/client-ecs';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import type { RunningSandbox } from '../../src/sandbox';
import { startTestSandbox, type SandboxClients } from './sandboxClients';

let sandbox: RunningSandbox;
let aws: SandboxClients;

beforeAll(async () => {
  ({ sandbox, aws } = await startTestSandbox());
});
beforeEach(() => sandbox.controls.reset());
afterAll(() => sandbox.close());

/** Sends `count` requests at once and sorts the outcomes into successes and error names. */
async function burst(count: number, send: () => Promise<unknown>) {
  const outcomes = await Promise.allSettled(Array.from({ length: count }, send));
  const errors = outcomes.flatMap((outcome) =>
    outcome.status === 'rejected' ? [outcome.reason] : [],
  );
  return { succeeded: count - errors.length, errors };
}

describe('throttling at a rate per operation', () => {
  it('lets the rate through and answers ThrottlingException beyond it, for that operation only', async () => {
    sandbox.controls.throttle('FilterLogEvents', 5);
    const filter = () =>
      aws.logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/demo/worker', limit: 1 }));
    const { succeeded, errors } = await burst(12, filter);
    expect(succeeded).toBe(5);
    expect(errors).toHaveLength(7);
    expect(errors[0]).toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(aws.logs.send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  });

  it('refills over time, so a paced client gets through', async () => {
    sandbox.controls.throttle('ListServices', 10);
    await burst(10, () => aws.ecs.send(new ListServicesCommand({ cluster: 'demo-cluster' })));
    await expect(
      aws.ecs.send(new ListServicesCommand({ cluster: 'demo-cluster' })),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    await new Promise((resolve) => setTimeout(resolve, 250));
    await expect(
      aws.ecs.send(new ListServicesCommand({ cluster: 'demo-cluster' })),
    ).resolves.toBeDefined();
  });

  it('answers Throttling in XML for the Query protocols', async () => {
    sandbox.controls.throttle('DescribeDBInstances', 0);
    sandbox.controls.throttle('GetCallerIdentity', 0);
    await expect(aws.rds.send(new DescribeDBInstancesCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
    });
    await expect(aws.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
    });
    const raw = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeDBInstances&Version=2014-10-31',
    });
    expect(raw.status).toBe(400);
    expect(await raw.text()).toMatch(
      /<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>Throttling<\/Code><Message>Rate exceeded<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
    );
  });

  it('answers TooManyRequestsException (429) for Lambda, as Lambda does', async () => {
    sandbox.controls.throttle('Invoke', 0);
    await expect(
      aws.lambda.send(new InvokeCommand({ FunctionName: 'opsdesk-backup' })),
    ).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 429 },
    });
  });

  it('lifts a limit when told to', async () => {
    sandbox.controls.throttle('DescribeLogGroups', 0);
    await expect(aws.logs.send(new DescribeLogGroupsCommand({}))).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    sandbox.controls.throttle('DescribeLogGroups', null);
    await expect(aws.logs.send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  });

  it('is set over HTTP too', async () => {
    const answer = await fetch(`${sandbox.endpoint}/_sandbox/throttle`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'ListServices', ratePerSecond: 0 }),
    });
    expect(answer.status).toBe(200);
    await expect(
      aws.ecs.send(new ListServicesCommand({ cluster: 'demo-cluster' })),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
