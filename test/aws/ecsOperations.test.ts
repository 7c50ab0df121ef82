import {
  DescribeServicesCommand,
  ECSClient,
  ListServicesCommand,
  ListTasksCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EcsOperations } from '../../src/main/aws/ecs';
import type { EcsTaskWorkflow } from '../../src/shared/environments';
import { awsError, connectionReset, recordingPolicy, TEST_CREDENTIALS } from './fakes';

const ecsMock = mockClient(ECSClient);

const restore: EcsTaskWorkflow = {
  id: 'restore',
  kind: 'ecs-task',
  action: 'restore',
  taskDefinitionFamily: 'opsdesk-restore',
  containerName: 'restore',
  launchType: 'FARGATE',
  subnets: ['subnet-1'],
  securityGroups: ['sg-1'],
  assignPublicIp: false,
  parameters: [{ name: 'snapshot', source: 'snapshot' }],
  confirmation: 'type-environment-name',
};

function operations(): EcsOperations {
  const client = new ECSClient({ region: 'eu-west-1', credentials: TEST_CREDENTIALS });
  return new EcsOperations(client, 'demo-cluster', recordingPolicy());
}

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('listing what runs in the cluster', () => {
  it('follows every page of ListServices', async () => {
    ecsMock
      .on(ListServicesCommand, { cluster: 'demo-cluster', nextToken: undefined })
      .resolves({ serviceArns: ['arn:web'], nextToken: 'page-2' })
      .on(ListServicesCommand, { cluster: 'demo-cluster', nextToken: 'page-2' })
      .resolves({ serviceArns: [], nextToken: 'page-3' })
      .on(ListServicesCommand, { cluster: 'demo-cluster', nextToken: 'page-3' })
      .resolves({ serviceArns: ['arn:worker'] });

    const services = await operations().listServices();

    expect(services).toEqual(['arn:web', 'arn:worker']);
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(3);
  });

  it('lists the tasks of one service in the cluster', async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['arn:task/1'] });

    const tasks = await operations().listTasks({ serviceName: 'web', desiredStatus: 'RUNNING' });

    expect(tasks).toEqual(['arn:task/1']);
    expect(ecsMock.commandCalls(ListTasksCommand)[0].args[0].input).toMatchObject({
      cluster: 'demo-cluster',
      serviceName: 'web',
      desiredStatus: 'RUNNING',
    });
  });

  it('describes services ten at a time, as the API allows', async () => {
    const names = Array.from({ length: 12 }, (_, index) => `service-${index}`);
    ecsMock.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: input.services.map((serviceName) => ({ serviceName })),
      failures: [],
    }));

    const { services } = await operations().describeServices(names);

    expect(services.map((service) => service.serviceName)).toEqual(names);
    expect(
      ecsMock
        .commandCalls(DescribeServicesCommand)
        .map((call) => call.args[0].input.services?.length),
    ).toEqual([10, 2]);
  });
});

describe('AWS errors become messages a user can act on', () => {
  it('names the action and resource the role lacks on AccessDenied', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .rejects(
        awsError(
          'AccessDeniedException',
          'User: arn:aws:sts::123456789012:assumed-role/ops/ana is not authorized to perform: ' +
            'ecs:DescribeServices on resource: arn:aws:ecs:eu-west-1:123456789012:service/demo-cluster/web ' +
            'because no identity-based policy allows the ecs:DescribeServices action',
        ),
      );

    await expect(operations().describeServices(['web'])).rejects.toMatchObject({
      code: 'aws',
      message:
        'Access denied: the role is not allowed ecs:DescribeServices on ' +
        'arn:aws:ecs:eu-west-1:123456789012:service/demo-cluster/web. ' +
        'Ask your AWS administrator to grant it (see iam-policy.json).',
    });
  });

  it('asks to sign in again when the session token has expired', async () => {
    ecsMock
      .on(ListServicesCommand)
      .rejects(
        awsError('ExpiredTokenException', 'The security token included in the request is expired'),
      );

    await expect(operations().listServices()).rejects.toMatchObject({
      message:
        'Your AWS sign-in has expired or is no longer valid (ecs:ListServices). Sign in again.',
    });
  });

  it('says the network is down when the connection drops', async () => {
    ecsMock.on(ListServicesCommand).rejects(connectionReset());

    await expect(operations().listServices()).rejects.toMatchObject({
      message:
        'Cannot reach AWS for ecs:ListServices (socket hang up). Check the network connection.',
    });
  });
});

describe('starting a workflow task', () => {
  it('sends the client token, the cluster, the network and the parameters', async () => {
    ecsMock
      .on(RunTaskCommand)
      .resolves({ tasks: [{ taskArn: 'arn:task/restore-1' }], failures: [] });

    const task = await operations().runTask(restore, {
      clientToken: 'run-7f3a',
      containerEnvironment: { SNAPSHOT: 'demo-db-2026-12-01' },
    });

    expect(task.taskArn).toBe('arn:task/restore-1');
    expect(ecsMock.commandCalls(RunTaskCommand)[0].args[0].input).toEqual({
      cluster: 'demo-cluster',
      taskDefinition: 'opsdesk-restore',
      launchType: 'FARGATE',
      count: 1,
      clientToken: 'run-7f3a',
      startedBy: 'opsdesk',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-1'],
          securityGroups: ['sg-1'],
          assignPublicIp: 'DISABLED',
        },
      },
      overrides: {
        containerOverrides: [
          { name: 'restore', environment: [{ name: 'SNAPSHOT', value: 'demo-db-2026-12-01' }] },
        ],
      },
    });
  });

  it('fails with ECS reason when RunTask answers with failures[] instead of a task', async () => {
    ecsMock.on(RunTaskCommand).resolves({
      tasks: [],
      failures: [
        {
          arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/demo-cluster',
          reason: 'RESOURCE:MEMORY',
        },
      ],
    });

    await expect(
      operations().runTask(restore, { clientToken: 'run-1', containerEnvironment: {} }),
    ).rejects.toMatchObject({
      code: 'aws',
      message:
        'ECS did not start opsdesk-restore: RESOURCE:MEMORY (arn:aws:ecs:eu-west-1:123456789012:cluster/demo-cluster)',
    });
  });

  it('is not retried by Opsdesk when throttled, and says nothing was started', async () => {
    ecsMock.on(RunTaskCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));

    await expect(
      operations().runTask(restore, { clientToken: 'run-2', containerEnvironment: {} }),
    ).rejects.toMatchObject({ message: expect.stringContaining('nothing was started') });
    expect(ecsMock.commandCalls(RunTaskCommand)).toHaveLength(1);
  });

  it('warns that the task may have started when the connection drops', async () => {
    ecsMock.on(RunTaskCommand).rejects(connectionReset());

    await expect(
      operations().runTask(restore, { clientToken: 'run-3', containerEnvironment: {} }),
    ).rejects.toMatchObject({
      message:
        'The connection to AWS was lost during ecs:RunTask (socket hang up). ' +
        'It may have started anyway: check the workflow runs before starting it again.',
    });
  });
});
