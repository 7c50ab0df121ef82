import { SANDBOX_ENVIRONMENT_NAME, type Environment } from '../../shared/environments';

/** Where the sandbox listens when no running sandbox has told us its port yet. */
export const SANDBOX_DEFAULT_ENDPOINT = 'http://127.0.0.1:4566';

/**
 * The built-in environment served by the local sandbox, which a first start opens.
 *
 * Its names match what the sandbox seeds (account 123456789012, eu-west-1); the
 * endpoint is only known once the sandbox has started, so it is passed in.
 */
export function sandboxEnvironment(endpoint: string = SANDBOX_DEFAULT_ENDPOINT): Environment {
  return {
    name: SANDBOX_ENVIRONMENT_NAME,
    label: 'Sandbox (local, no AWS account)',
    region: 'eu-west-1',
    accountId: '123456789012',
    readOnly: false,
    credentials: { endpoint },
    cluster: 'demo-cluster',
    services: ['web', 'worker'],
    ecrRepositories: ['demo/web'],
    databases: { instances: ['demo-db'], clusters: [] },
    logGroups: ['/ecs/demo/web', '/ecs/demo/worker', '/aws/lambda/opsdesk-deploy'],
    workflows: [
      {
        id: 'build',
        label: 'Build an image',
        kind: 'ecs-task',
        action: 'build',
        taskDefinitionFamily: 'opsdesk-build',
        containerName: 'build',
        launchType: 'FARGATE',
        subnets: ['subnet-sandbox'],
        securityGroups: [],
        assignPublicIp: false,
        taskRoleName: 'opsdesk-build',
        executionRoleName: 'ecsTaskExecutionRole',
        parameters: [{ name: 'gitRef', label: 'Git ref', source: 'git-ref' }],
        confirmation: 'none',
      },
      {
        id: 'deploy',
        label: 'Deploy an image',
        kind: 'lambda',
        action: 'deploy',
        functionName: 'opsdesk-deploy',
        parameters: [{ name: 'image', label: 'Image', source: 'image' }],
        confirmation: 'confirm',
      },
      {
        id: 'rollback',
        label: 'Roll back',
        kind: 'lambda',
        action: 'rollback',
        functionName: 'opsdesk-rollback',
        parameters: [{ name: 'revision', label: 'Revision', source: 'revision' }],
        confirmation: 'confirm',
      },
      {
        id: 'backup',
        label: 'Back up the database',
        kind: 'lambda',
        action: 'backup',
        functionName: 'opsdesk-backup',
        parameters: [],
        confirmation: 'confirm',
      },
      {
        id: 'restore',
        label: 'Restore a snapshot',
        kind: 'ecs-task',
        action: 'restore',
        taskDefinitionFamily: 'opsdesk-restore',
        containerName: 'restore',
        launchType: 'FARGATE',
        subnets: ['subnet-sandbox'],
        securityGroups: [],
        assignPublicIp: false,
        taskRoleName: 'opsdesk-restore',
        executionRoleName: 'ecsTaskExecutionRole',
        parameters: [{ name: 'snapshot', label: 'Snapshot', source: 'snapshot' }],
        confirmation: 'type-environment-name',
      },
    ],
  };
}
