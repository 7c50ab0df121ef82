import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../src/main/aws';
import { sandboxEnvironment } from '../../src/main/environments';
import type { LambdaWorkflow } from '../../src/shared/environments';
import { recordingPolicy } from './fakes';

/**
 * The real SDK clients, retry strategy and HTTP handler, against a scripted
 * local server: what the mocked tests cannot show is how many requests
 * actually leave the process.
 */

type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const throttled: Reply = (_request, response) => {
  response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
};

const dropConnection: Reply = (request) => request.socket.destroy();

const deploy = sandboxEnvironment().workflows.find(
  (workflow): workflow is LambdaWorkflow => workflow.kind === 'lambda',
)!;

describe('requests on the wire', () => {
  let server: http.Server;
  let replies: Reply[];
  let requests: string[];
  let bodies: string[];
  let clients: AwsClients;

  beforeEach(async () => {
    replies = [];
    requests = [];
    bodies = [];
    server = http.createServer((request, response) => {
      requests.push(`${request.method} ${request.url} ${request.headers['x-amz-target'] ?? ''}`);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => bodies.push(Buffer.concat(chunks).toString('utf8')));
      request.on('end', () => (replies.shift() ?? dropConnection)(request, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    clients = createAwsClients(sandboxEnvironment(`http://127.0.0.1:${port}`), {
      callPolicy: recordingPolicy({ throttleWaitsMs: [] }),
    });
  });

  afterEach(async () => {
    clients.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('lets the SDK retry a throttled read with adaptive backoff', async () => {
    replies = [
      throttled,
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ serviceArns: ['arn:aws:ecs:eu-west-1:1:service/demo/web'] }));
      },
    ];

    const services = await clients.ecs.listServices();

    expect(services).toEqual(['arn:aws:ecs:eu-west-1:1:service/demo/web']);
    expect(requests).toEqual(
      Array(2).fill('POST / AmazonEC2ContainerServiceV20141113.ListServices'),
    );
  });

  it('sends a Lambda invocation once when the connection drops', async () => {
    replies = [dropConnection, dropConnection];

    await expect(clients.lambda.invoke(deploy, {}, 'run-1')).rejects.toMatchObject({
      message: expect.stringContaining('It may have started anyway'),
    });
    expect(requests).toEqual(['POST /2015-03-31/functions/opsdesk-deploy/invocations ']);
  });

  it('retries RunTask after a dropped connection with the same client token', async () => {
    const restore = sandboxEnvironment().workflows.find((workflow) => workflow.id === 'restore');
    if (restore?.kind !== 'ecs-task') throw new Error('the sandbox has a restore task workflow');
    replies = [
      dropConnection,
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ tasks: [{ taskArn: 'arn:task/1' }], failures: [] }));
      },
    ];

    const task = await clients.ecs.runTask(restore, {
      clientToken: 'run-42',
      containerEnvironment: {},
    });

    expect(task.taskArn).toBe('arn:task/1');
    expect(bodies.map((body) => JSON.parse(body).clientToken)).toEqual(['run-42', 'run-42']);
  });

  it('retries a read whose connection dropped, then explains the network failure', async () => {
    const error = (await clients.ecs.listServices().catch((caught: unknown) => caught)) as Error;

    expect(error.message).toMatch(
      /^Cannot reach AWS for ecs:ListServices \(.*\)\. Check the network connection\.$/,
    );
    expect(requests.length).toBeGreaterThan(1);
  });
});
