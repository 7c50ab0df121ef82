import { InvokeCommand, LambdaClient, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { invokeClientConfig, readClientConfig } from '../../src/main/aws/clientFactory';
import { LambdaOperations } from '../../src/main/aws/lambda';
import { sandboxEnvironment } from '../../src/main/environments';
import type { LambdaWorkflow } from '../../src/shared/environments';
import { connectionReset, TEST_CREDENTIALS } from './fakes';

const lambdaMock = mockClient(LambdaClient);

const deploy: LambdaWorkflow = {
  id: 'deploy',
  kind: 'lambda',
  action: 'deploy',
  functionName: 'opsdesk-deploy',
  parameters: [{ name: 'image', source: 'image' }],
  confirmation: 'confirm',
};

// The SDK hands back payloads as a Uint8Array that can also turn itself into text.
const encode = (value: unknown): InvokeCommandOutput['Payload'] => {
  const text = JSON.stringify(value);
  return Object.assign(new TextEncoder().encode(text), { transformToString: () => text });
};

function operations(): LambdaOperations {
  return new LambdaOperations(
    new LambdaClient({ region: 'eu-west-1', credentials: TEST_CREDENTIALS }),
  );
}

beforeEach(() => lambdaMock.reset());

describe('invoking a workflow function', () => {
  it('sends the parameters with the idempotency key, synchronously', async () => {
    lambdaMock.on(InvokeCommand).resolves({
      StatusCode: 200,
      Payload: encode({ status: 'succeeded', message: 'deployed', outputs: { revision: '42' } }),
    });

    const invocation = await operations().invoke(deploy, { image: 'sha256:ab' }, 'run-91');

    expect(invocation).toEqual({
      outcome: 'succeeded',
      statusCode: 200,
      payload: { status: 'succeeded', message: 'deployed', outputs: { revision: '42' } },
      executedVersion: undefined,
    });
    const input = lambdaMock.commandCalls(InvokeCommand)[0].args[0].input;
    expect(input.FunctionName).toBe('opsdesk-deploy');
    expect(input.InvocationType).toBe('RequestResponse');
    expect(JSON.parse(new TextDecoder().decode(input.Payload as Uint8Array))).toEqual({
      image: 'sha256:ab',
      idempotencyKey: 'run-91',
    });
  });

  it('reports a failure when FunctionError is set, although the HTTP status is 200', async () => {
    lambdaMock.on(InvokeCommand).resolves({
      StatusCode: 200,
      FunctionError: 'Unhandled',
      Payload: encode({
        errorType: 'ImageNotFound',
        errorMessage: 'no image sha256:ab in demo/web',
      }),
    });

    const invocation = await operations().invoke(deploy, { image: 'sha256:ab' }, 'run-92');

    expect(invocation).toMatchObject({
      outcome: 'failed',
      statusCode: 200,
      functionError: 'Unhandled',
      errorType: 'ImageNotFound',
      errorMessage: 'no image sha256:ab in demo/web',
    });
  });

  it('is sent once when the connection drops, and warns it may have run', async () => {
    lambdaMock.on(InvokeCommand).rejects(connectionReset());

    await expect(operations().invoke(deploy, {}, 'run-93')).rejects.toMatchObject({
      message:
        'The connection to AWS was lost during lambda:InvokeFunction (socket hang up). ' +
        'It may have started anyway: check the workflow runs before starting it again.',
    });
    expect(lambdaMock.commandCalls(InvokeCommand)).toHaveLength(1);
  });
});

describe('client configuration', () => {
  const environment = sandboxEnvironment('http://127.0.0.1:4599');

  it('gives the invoke client a single attempt and a timeout past Lambda’s 15 minutes', async () => {
    const client = new LambdaClient(invokeClientConfig(environment, TEST_CREDENTIALS));

    expect(await client.config.maxAttempts()).toBe(1);
    expect(
      invokeClientConfig(environment, TEST_CREDENTIALS).requestHandler.requestTimeout,
    ).toBeGreaterThan(15 * 60_000);
  });

  it('gives read clients adaptive retries, the region and the endpoint override', async () => {
    const client = new ECSClient(readClientConfig(environment, TEST_CREDENTIALS));
    const retryStrategy = (await client.config.retryStrategy()) as { mode?: string };

    expect(retryStrategy.mode).toBe('adaptive');
    expect(await client.config.maxAttempts()).toBeGreaterThan(1);
    expect(await client.config.region()).toBe('eu-west-1');
    expect(readClientConfig(environment, TEST_CREDENTIALS).endpoint).toBe('http://127.0.0.1:4599');
  });

  it('sets no endpoint for an environment that talks to AWS', () => {
    const real = { ...environment, credentials: { profile: 'ops' } };

    expect(readClientConfig(real, TEST_CREDENTIALS)).not.toHaveProperty('endpoint');
  });
});
