import { z } from 'zod';

/**
 * The environment profile: everything Opsdesk may touch in one AWS account.
 *
 * Users keep these in `environments.json`; the schema is the contract between
 * that file, the main-process services and the renderer's forms.
 */

/** The name of the built-in environment served by the local sandbox. */
export const SANDBOX_ENVIRONMENT_NAME = 'sandbox';

const awsName = z.string().trim().min(1, 'must not be empty');

/** Where one workflow parameter's value comes from: a status list, or free text for a git ref. */
export const PARAMETER_SOURCES = ['image', 'snapshot', 'revision', 'git-ref'] as const;

/** What a workflow does, so the UI can group and label it. */
export const WORKFLOW_ACTIONS = [
  'build',
  'deploy',
  'backup',
  'restore',
  'rollback',
  'other',
] as const;

/** How much the operator must do before a workflow starts. */
export const CONFIRMATION_LEVELS = ['none', 'confirm', 'type-environment-name'] as const;

const workflowParameter = z
  .object({
    name: z.string().regex(/^[A-Za-z][\w-]*$/, 'must be a word: letters, digits, - or _'),
    label: z.string().min(1).optional(),
    source: z.enum(PARAMETER_SOURCES),
  })
  .strict();

const workflowCommon = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and -'),
  label: z.string().min(1).optional(),
  action: z.enum(WORKFLOW_ACTIONS),
  parameters: z.array(workflowParameter).default([]),
  confirmation: z.enum(CONFIRMATION_LEVELS).default('confirm'),
};

const lambdaWorkflow = z
  .object({ ...workflowCommon, kind: z.literal('lambda'), functionName: awsName })
  .strict();

const ecsTaskWorkflow = z
  .object({
    ...workflowCommon,
    kind: z.literal('ecs-task'),
    taskDefinitionFamily: awsName,
    /** The essential container whose exit code decides success. */
    containerName: awsName,
    launchType: z.enum(['FARGATE', 'EC2']).default('FARGATE'),
    /** awsvpc networking; required for Fargate tasks. */
    subnets: z.array(awsName).default([]),
    securityGroups: z.array(awsName).default([]),
    assignPublicIp: z.boolean().default(false),
    /** Role names the task definition uses; only for iam:PassRole in the policy. */
    taskRoleName: awsName.optional(),
    executionRoleName: awsName.optional(),
  })
  .strict();

/** One predetermined operation: a Lambda function or a one-shot ECS task. */
export const workflowSchema = z.discriminatedUnion('kind', [lambdaWorkflow, ecsTaskWorkflow]);

/**
 * Where credentials come from: a shared-config profile (the default profile
 * when neither is given), or an endpoint override for a local server.
 */
export const credentialSourceSchema = z
  .object({
    profile: z.string().min(1).optional(),
    endpoint: z
      .url({ protocol: /^https?$/ })
      .refine((url) => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(url), {
        message: 'must be a loopback URL such as http://127.0.0.1:4566',
      })
      .optional(),
  })
  .strict()
  .refine((source) => !(source.profile && source.endpoint), {
    message: 'give either a profile or an endpoint, not both',
  });

/** One environment as the user writes it. */
export const environmentSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and -'),
    label: z.string().min(1).optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1'),
    /** The 12-digit account; lets Opsdesk refuse credentials for the wrong account. */
    accountId: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
      .optional(),
    readOnly: z.boolean().default(false),
    credentials: credentialSourceSchema.default({}),
    cluster: awsName,
    services: z.array(awsName).default([]),
    ecrRepositories: z.array(awsName).default([]),
    databases: z
      .object({ instances: z.array(awsName).default([]), clusters: z.array(awsName).default([]) })
      .strict()
      .default({ instances: [], clusters: [] }),
    logGroups: z.array(awsName).default([]),
    workflows: z.array(workflowSchema).default([]),
  })
  .strict()
  .superRefine((environment, context) => {
    const seen = new Set<string>();
    environment.workflows.forEach((workflow, index) => {
      if (seen.has(workflow.id)) {
        context.addIssue({
          code: 'custom',
          path: ['workflows', index, 'id'],
          message: `duplicate workflow id "${workflow.id}"`,
        });
      }
      seen.add(workflow.id);
    });
  });

/** The whole `environments.json` file. */
export const environmentsFileSchema = z.object({ environments: z.array(z.unknown()) }).strict();

/** A validated environment, defaults applied. */
export type Environment = z.output<typeof environmentSchema>;

/** A validated workflow of an environment. */
export type Workflow = z.output<typeof workflowSchema>;

/** A workflow that runs as a Lambda function. */
export type LambdaWorkflow = Extract<Workflow, { kind: 'lambda' }>;

/** A workflow that runs as a one-shot ECS task. */
export type EcsTaskWorkflow = Extract<Workflow, { kind: 'ecs-task' }>;

/** One parameter of a workflow's form. */
export type WorkflowParameter = z.output<typeof workflowParameter>;

/** The local endpoint an environment talks to instead of AWS, if it has one. */
export function endpointOf(environment: Pick<Environment, 'credentials'>): string | undefined {
  return environment.credentials.endpoint;
}

/** The shared-config profile an environment's credentials come from, if it names one. */
export function profileOf(environment: Pick<Environment, 'credentials'>): string | undefined {
  return environment.credentials.profile;
}
