import type { Environment } from '../../shared/environments';
import policyTemplate from '../../../iam-policy.json';

/** One statement of an IAM policy document. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** An IAM policy document. */
export interface PolicyDocument {
  Version: string;
  Statement: PolicyStatement[];
}

/** The placeholders of `iam-policy.json` that take one value. */
export const SCALAR_PLACEHOLDERS = ['Account', 'Region', 'Cluster'] as const;

/** The placeholders that stand for every listed name: one resource per name. */
export const LIST_PLACEHOLDERS = [
  'Service',
  'TaskDefinitionFamily',
  'TaskRole',
  'LambdaFunction',
  'EcrRepository',
  'DbInstance',
  'DbCluster',
  'LogGroup',
] as const;

/** Values for every placeholder of the template. */
export type PolicyValues = Record<(typeof SCALAR_PLACEHOLDERS)[number], string | undefined> &
  Record<(typeof LIST_PLACEHOLDERS)[number], string[]>;

/** The checked-in template with its `${Placeholder}`s, as the policy test reads it. */
export const IAM_POLICY_TEMPLATE = policyTemplate as PolicyDocument;

/** Every action the template grants, as `service:Action`. */
export function policyActions(policy: PolicyDocument = IAM_POLICY_TEMPLATE): string[] {
  return [...new Set(policy.Statement.flatMap((statement) => asList(statement.Action)))].sort();
}

/** The placeholder values of an environment; the account comes from the caller if known. */
export function policyValuesFor(environment: Environment, account?: string): PolicyValues {
  const lambdaWorkflows = environment.workflows.filter((workflow) => workflow.kind === 'lambda');
  const taskWorkflows = environment.workflows.filter((workflow) => workflow.kind === 'ecs-task');
  return {
    Account: account ?? environment.accountId,
    Region: environment.region,
    Cluster: environment.cluster,
    Service: environment.services,
    TaskDefinitionFamily: taskWorkflows.map((workflow) => workflow.taskDefinitionFamily),
    TaskRole: taskWorkflows.flatMap((workflow) =>
      [workflow.taskRoleName, workflow.executionRoleName].filter(
        (role): role is string => role !== undefined,
      ),
    ),
    LambdaFunction: lambdaWorkflows.map((workflow) => workflow.functionName),
    EcrRepository: environment.ecrRepositories,
    DbInstance: environment.databases.instances,
    DbCluster: environment.databases.clusters,
    LogGroup: environment.logGroups,
  };
}

/**
 * Fills the template for one environment.
 *
 * A resource naming a list placeholder becomes one resource per listed name;
 * a statement naming a list the environment leaves empty (no Lambda
 * workflows, say) is dropped whole, so the policy grants nothing the
 * environment does not name. An unknown
 * account stays `${Account}` for the administrator to fill in.
 */
export function fillPolicy(
  values: PolicyValues,
  template: PolicyDocument = IAM_POLICY_TEMPLATE,
): PolicyDocument {
  const statements: PolicyStatement[] = [];
  for (const statement of template.Statement) {
    // `snapshot:*` beside `db:${DbInstance}` must not survive when no instance is listed.
    const lists = LIST_PLACEHOLDERS.filter((name) =>
      asList(statement.Resource).some((resource) => resource.includes(`\${${name}}`)),
    );
    if (lists.some((name) => values[name].length === 0)) continue;

    const resources = asList(statement.Resource).flatMap((resource) => expand(resource, values));

    const filled: PolicyStatement = {
      ...statement,
      Resource: statement.Resource === '*' ? '*' : [...new Set(resources)],
    };
    if (statement.Condition) filled.Condition = fillCondition(statement.Condition, values);
    statements.push(filled);
  }
  return { Version: template.Version, Statement: statements };
}

function fillCondition(
  condition: NonNullable<PolicyStatement['Condition']>,
  values: PolicyValues,
): NonNullable<PolicyStatement['Condition']> {
  return Object.fromEntries(
    Object.entries(condition).map(([operator, keys]) => [
      operator,
      Object.fromEntries(
        Object.entries(keys).map(([key, value]) => {
          const filled = asList(value).flatMap((one) => expand(one, values));
          return [key, typeof value === 'string' && filled.length === 1 ? filled[0] : filled];
        }),
      ),
    ]),
  );
}

function expand(text: string, values: PolicyValues): string[] {
  let results = [text];
  for (const name of LIST_PLACEHOLDERS) {
    const token = `\${${name}}`;
    if (!text.includes(token)) continue;
    results = results.flatMap((partial) =>
      values[name].map((value) => partial.split(token).join(value)),
    );
  }
  return results.map((result) =>
    SCALAR_PLACEHOLDERS.reduce((filled, name) => {
      const value = values[name];
      return value === undefined ? filled : filled.split(`\${${name}}`).join(value);
    }, result),
  );
}

function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}
