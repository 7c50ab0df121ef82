import type { Workflow } from '../../shared/environments';
import type { ParameterOption, ParameterSource } from '../../shared/workflows';

/**
 * How a picked parameter reaches a workflow: the one place that maps the
 * form's values to what the workflow programs read.
 *
 * ECS tasks read environment variables of their essential container; Lambda
 * functions read fields of their JSON payload. The names follow the source of
 * the parameter, not its label, so every environment's workflows read the same.
 */
const TASK_VARIABLES: Record<ParameterSource, string> = {
  'git-ref': 'GIT_REF',
  image: 'IMAGE_DIGEST',
  snapshot: 'SNAPSHOT_ID',
  revision: 'TASK_DEFINITION',
};

const PAYLOAD_FIELDS: Record<ParameterSource, string> = {
  'git-ref': 'gitRef',
  image: 'imageDigest',
  snapshot: 'snapshotId',
  revision: 'taskDefinition',
};

/** A parameter's value as the operator picked it, with the list option it came from. */
export interface PickedParameter {
  source: ParameterSource;
  value: string;
  option?: ParameterOption;
}

/** What a run passes to its workflow: container variables or payload fields. */
export type WorkflowInputs =
  | { kind: 'ecs-task'; containerEnvironment: Record<string, string> }
  | { kind: 'lambda'; payload: Record<string, unknown> };

/** Builds a workflow's inputs from the picked parameters; images always go by digest. */
export function workflowInputs(
  workflow: Workflow,
  picked: Record<string, PickedParameter>,
): WorkflowInputs {
  if (workflow.kind === 'ecs-task') {
    const containerEnvironment: Record<string, string> = {};
    for (const parameter of Object.values(picked)) {
      containerEnvironment[TASK_VARIABLES[parameter.source]] = parameter.value;
      if (parameter.option?.revision) {
        containerEnvironment.SERVICE_NAME = parameter.option.revision.service;
      }
    }
    return { kind: 'ecs-task', containerEnvironment };
  }

  const payload: Record<string, unknown> = {};
  for (const parameter of Object.values(picked)) {
    payload[PAYLOAD_FIELDS[parameter.source]] = parameter.value;
    // A revision belongs to one service; without it the function would move every service.
    if (parameter.option?.revision) payload.service = parameter.option.revision.service;
  }
  return { kind: 'lambda', payload };
}

/** The inputs in words, for the summary before confirmation: `GIT_REF=main`, `"imageDigest": …`. */
export function describeInputs(inputs: WorkflowInputs): string[] {
  if (inputs.kind === 'ecs-task') {
    return Object.entries(inputs.containerEnvironment).map(([name, value]) => `${name}=${value}`);
  }
  return Object.entries(inputs.payload).map(
    ([name, value]) => `"${name}": ${JSON.stringify(value)}`,
  );
}
