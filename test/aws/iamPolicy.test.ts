import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECR_ACTIONS } from '../../src/main/aws/ecr';
import { ECS_ACTIONS } from '../../src/main/aws/ecs';
import {
  IAM_POLICY_TEMPLATE,
  fillPolicy,
  policyActions,
  policyValuesFor,
  type PolicyStatement,
} from '../../src/main/aws/iamPolicy';
import { LAMBDA_ACTIONS } from '../../src/main/aws/lambda';
import { LOGS_ACTIONS } from '../../src/main/aws/logs';
import { RDS_ACTIONS } from '../../src/main/aws/rds';
import { STS_ACTIONS } from '../../src/main/aws/sts';
import { sandboxEnvironment } from '../../src/main/environments';
import { environmentSchema } from '../../src/shared/environments';

const AWS_FOLDER = path.resolve(__dirname, '../../src/main/aws');

/** IAM prefix of each SDK client package the client layer may import. */
const IAM_PREFIX: Record<string, string> = {
  ecs: 'ecs',
  ecr: 'ecr',
  rds: 'rds',
  'cloudwatch-logs': 'logs',
  lambda: 'lambda',
  sts: 'sts',
  'sso-oidc': 'sso-oauth',
};

/** Where the IAM action is not named like the API operation. */
const ACTION_FOR_OPERATION: Record<string, string> = { 'lambda:Invoke': 'lambda:InvokeFunction' };

/**
 * Calls IAM never evaluates: GetCallerIdentity works even under an explicit
 * deny, and the Identity Center OIDC calls are made before there are any
 * AWS credentials at all.
 */
const NEEDS_NO_PERMISSION = new Set([
  'sts:GetCallerIdentity',
  'sso-oauth:RegisterClient',
  'sso-oauth:StartDeviceAuthorization',
  'sso-oauth:CreateToken',
]);

/** Actions IAM checks on the caller's behalf though no command names them. */
const DEPENDENT_ACTIONS: Record<string, string[]> = { 'ecs:RunTask': ['iam:PassRole'] };

/** Actions IAM only grants on `*`, or that are scoped by a condition instead. */
const ONLY_ON_EVERY_RESOURCE = new Set([
  'ecs:DescribeTaskDefinition',
  'ecs:ListServices',
  'ecs:ListTasks',
  'logs:GetQueryResults',
  'logs:StopQuery',
]);

/** Every AWS operation a source file can send: `new XCommand(` and `paginateX(`. */
function actionsSentBy(source: string): string[] {
  const actions = new Set<string>();
  const imports = source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([\w-]+)'/g);
  for (const [, names, client] of imports) {
    const prefix = IAM_PREFIX[client];
    if (!prefix) throw new Error(`no IAM prefix known for @aws-sdk/client-${client}`);
    for (const raw of names.split(',')) {
      const name = raw.trim();
      if (name === '' || name.startsWith('type ')) continue;
      const command = /^(\w+)Command$/.exec(name);
      const paginator = /^paginate(\w+)$/.exec(name);
      const operation = command?.[1] ?? paginator?.[1];
      if (!operation) continue;
      const called = command ? `new ${name}(` : `${name}(`;
      if (!source.includes(called)) continue;
      const action = `${prefix}:${operation}`;
      actions.add(ACTION_FOR_OPERATION[action] ?? action);
    }
  }
  return [...actions].sort();
}

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(AWS_FOLDER)) {
    if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      files.set(name, readFileSync(path.join(AWS_FOLDER, name), 'utf8'));
    }
  }
  return files;
}

const sentByFile = new Map([...sourceFiles()].map(([name, text]) => [name, actionsSentBy(text)]));
const everySent = [...new Set([...sentByFile.values()].flat())].sort();
const needingPermission = everySent.filter((action) => !NEEDS_NO_PERMISSION.has(action));
const granted = policyActions(IAM_POLICY_TEMPLATE);

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe('iam-policy.json grants exactly what the code can call', () => {
  it('finds the AWS calls of the client layer', () => {
    expect(needingPermission).toContain('ecs:RunTask');
    expect(needingPermission).toContain('lambda:InvokeFunction');
    expect(needingPermission).toContain('logs:FilterLogEvents');
    expect(needingPermission.length).toBeGreaterThanOrEqual(18);
  });

  it('grants every action the code can send', () => {
    const missing = needingPermission.filter((action) => !granted.includes(action));

    expect(missing).toEqual([]);
  });

  it('grants no action the code never sends', () => {
    const needed = new Set([
      ...needingPermission,
      ...needingPermission.flatMap((action) => DEPENDENT_ACTIONS[action] ?? []),
    ]);

    const unused = granted.filter((action) => !needed.has(action));

    expect(unused).toEqual([]);
  });

  it('lists in each module exactly the actions that module sends', () => {
    const declared: Record<string, readonly string[]> = {
      'sts.ts': STS_ACTIONS,
      'ecs.ts': ECS_ACTIONS,
      'ecr.ts': ECR_ACTIONS,
      'rds.ts': RDS_ACTIONS,
      'logs.ts': LOGS_ACTIONS,
      'lambda.ts': LAMBDA_ACTIONS,
    };

    for (const [file, actions] of Object.entries(declared)) {
      expect([...actions].sort(), file).toEqual(sentByFile.get(file));
    }
  });

  it('grants no wildcard action', () => {
    expect(granted.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('uses the * resource only where IAM allows nothing narrower', () => {
    const onEverything = IAM_POLICY_TEMPLATE.Statement.filter((statement) =>
      asList(statement.Resource).includes('*'),
    ).flatMap((statement) => asList(statement.Action));

    expect(onEverything.filter((action) => !ONLY_ON_EVERY_RESOURCE.has(action))).toEqual([]);
  });

  it('keeps cluster-wide ECS listing and task control to the environment cluster', () => {
    const clusterScoped = IAM_POLICY_TEMPLATE.Statement.filter((statement) =>
      asList(statement.Action).some((action) =>
        ['ecs:ListServices', 'ecs:ListTasks', 'ecs:RunTask', 'ecs:StopTask'].includes(action),
      ),
    );

    for (const statement of clusterScoped) {
      expect(statement.Condition?.ArnEquals?.['ecs:cluster']).toBe(
        'arn:aws:ecs:${Region}:${Account}:cluster/${Cluster}',
      );
    }
  });
});

describe('the policy filled in for one environment', () => {
  const statementFor = (statements: PolicyStatement[], action: string) =>
    statements.find((statement) => asList(statement.Action).includes(action));

  it('names every listed resource and leaves no placeholder', () => {
    const policy = fillPolicy(policyValuesFor(sandboxEnvironment()));
    const text = JSON.stringify(policy);

    expect(text).not.toContain('${');
    expect(statementFor(policy.Statement, 'ecs:DescribeServices')?.Resource).toEqual([
      'arn:aws:ecs:eu-west-1:123456789012:service/demo-cluster/web',
      'arn:aws:ecs:eu-west-1:123456789012:service/demo-cluster/worker',
    ]);
    expect(statementFor(policy.Statement, 'lambda:InvokeFunction')?.Resource).toEqual([
      'arn:aws:lambda:eu-west-1:123456789012:function:opsdesk-deploy',
      'arn:aws:lambda:eu-west-1:123456789012:function:opsdesk-rollback',
      'arn:aws:lambda:eu-west-1:123456789012:function:opsdesk-backup',
    ]);
    expect(statementFor(policy.Statement, 'ecs:RunTask')?.Resource).toEqual([
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/opsdesk-build:*',
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/opsdesk-restore:*',
    ]);
    expect(statementFor(policy.Statement, 'logs:GetLogEvents')?.Resource).toEqual([
      'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/demo/web:log-stream:*',
      'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/demo/worker:log-stream:*',
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/opsdesk-deploy:log-stream:*',
    ]);
  });

  it('drops statements for kinds of resource the environment does not list', () => {
    const policy = fillPolicy(policyValuesFor(sandboxEnvironment()));

    expect(statementFor(policy.Statement, 'rds:DescribeDBClusters')).toBeUndefined();
    expect(statementFor(policy.Statement, 'rds:DescribeDBClusterSnapshots')).toBeUndefined();
    expect(statementFor(policy.Statement, 'rds:DescribeDBInstances')?.Resource).toEqual([
      'arn:aws:rds:eu-west-1:123456789012:db:demo-db',
    ]);
  });

  it('names a role shared by several workflows once', () => {
    const policy = fillPolicy(policyValuesFor(sandboxEnvironment()));

    expect(statementFor(policy.Statement, 'iam:PassRole')?.Resource).toEqual([
      'arn:aws:iam::123456789012:role/opsdesk-build',
      'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      'arn:aws:iam::123456789012:role/opsdesk-restore',
    ]);
  });

  it('passes only the workflow task roles, and only to ECS tasks', () => {
    const environment = environmentSchema.parse({
      name: 'prod',
      region: 'eu-central-1',
      cluster: 'prod',
      workflows: [
        {
          id: 'restore',
          kind: 'ecs-task',
          action: 'restore',
          taskDefinitionFamily: 'shop-restore',
          containerName: 'restore',
          taskRoleName: 'shop-restore-task',
          executionRoleName: 'shop-ecs-execution',
        },
      ],
    });

    const policy = fillPolicy(policyValuesFor(environment, '210987654321'));
    const passRole = statementFor(policy.Statement, 'iam:PassRole');

    expect(passRole?.Resource).toEqual([
      'arn:aws:iam::210987654321:role/shop-restore-task',
      'arn:aws:iam::210987654321:role/shop-ecs-execution',
    ]);
    expect(passRole?.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
    });
    expect(statementFor(policy.Statement, 'lambda:InvokeFunction')).toBeUndefined();
  });

  it('leaves ${Account} for the administrator when the account is unknown', () => {
    const environment = { ...sandboxEnvironment(), accountId: undefined };

    const policy = fillPolicy(policyValuesFor(environment));

    expect(statementFor(policy.Statement, 'ecr:DescribeImages')?.Resource).toEqual([
      'arn:aws:ecr:eu-west-1:${Account}:repository/demo/web',
    ]);
  });
});
