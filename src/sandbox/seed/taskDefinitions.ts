import { containerDefinition, taskDefinitionArn } from '../ecsModel';
import type { TaskDefinition } from '../state';
import { ACCOUNT, HOUR_MS, REPOSITORY_URI } from './constants';

/** The one-shot workflow tasks: build and restore. */
export function workflowDefinitions(startedAt: number): TaskDefinition[] {
  const base: Omit<
    TaskDefinition,
    'family' | 'revision' | 'taskDefinitionArn' | 'taskRoleArn' | 'containerDefinitions'
  > = {
    status: 'ACTIVE',
    cpu: '1024',
    memory: '2048',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    registeredAt: new Date(startedAt - 40 * 24 * HOUR_MS),
    registeredBy: `arn:aws:iam::${ACCOUNT}:role/OpsdeskInfra`,
  };
  return [
    {
      ...base,
      family: 'opsdesk-build',
      revision: 2,
      taskDefinitionArn: taskDefinitionArn('opsdesk-build', 2),
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/opsdesk-build`,
      containerDefinitions: [
        containerDefinition(
          'build',
          'public.ecr.aws/docker/library/docker:27-cli',
          '/ecs/opsdesk-build',
          [
            { name: 'REPOSITORY', value: REPOSITORY_URI },
            { name: 'GIT_REF', value: 'main' },
          ],
        ),
      ],
    },
    {
      ...base,
      family: 'opsdesk-restore',
      revision: 1,
      taskDefinitionArn: taskDefinitionArn('opsdesk-restore', 1),
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/opsdesk-restore`,
      containerDefinitions: [
        containerDefinition(
          'restore',
          'public.ecr.aws/docker/library/postgres:16',
          '/ecs/opsdesk-restore',
          [{ name: 'DB_INSTANCE', value: 'demo-db' }],
        ),
      ],
    },
  ];
}

/** Two revisions of a service's task definition: the previous image, then the running one, by digest. */
export function serviceDefinitions(
  family: 'web' | 'worker',
  digests: string[],
  startedAt: number,
): TaskDefinition[] {
  const command = family === 'worker' ? ['node', 'dist/worker.js'] : undefined;
  const firstRevision = family === 'web' ? 6 : 3;
  return digests.map((digest, index) => ({
    family,
    revision: firstRevision + index,
    taskDefinitionArn: taskDefinitionArn(family, firstRevision + index),
    status: 'ACTIVE',
    cpu: '512',
    memory: '1024',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/demo-${family}`,
    registeredAt: new Date(startedAt - (digests.length - index) * 31 * HOUR_MS),
    registeredBy: `arn:aws:iam::${ACCOUNT}:role/OpsdeskOperator`,
    containerDefinitions: [
      containerDefinition(
        family,
        `${REPOSITORY_URI}@${digest}`,
        `/ecs/demo/${family}`,
        [{ name: 'NODE_ENV', value: 'production' }],
        command,
      ),
    ],
  }));
}
