import type { Workflow } from '../../shared/environments';
import { OpsdeskError } from '../../shared/result';
import { parameterOptions, type OptionSources } from './parameterOptions';
import type { PickedParameter } from './workflowInputs';

/** A git ref: a branch, tag or commit; never an option to git, never a path out of refs. */
const GIT_REF = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/@+-]{1,200}$/;

/**
 * Checks the operator's values against the workflow's parameters and their
 * lists: every value of a list parameter must be an option that can be
 * picked now (an approved image for deploy, an available snapshot).
 */
export async function pickParameters(
  workflow: Workflow,
  values: Record<string, string>,
  sources: Omit<OptionSources, 'action'>,
): Promise<Record<string, PickedParameter>> {
  const unknown = Object.keys(values).filter(
    (name) => !workflow.parameters.some((parameter) => parameter.name === name),
  );
  if (unknown.length) {
    throw new OpsdeskError('invalid-request', `${workflow.id} has no parameter ${unknown[0]}.`);
  }

  const picked: Record<string, PickedParameter> = {};
  for (const parameter of workflow.parameters) {
    const label = parameter.label ?? parameter.name;
    const value = values[parameter.name]?.trim() ?? '';
    if (!value) throw new OpsdeskError('invalid-request', `Pick a value for ${label}.`);

    if (parameter.source === 'git-ref') {
      if (!GIT_REF.test(value)) {
        throw new OpsdeskError(
          'invalid-request',
          `${label} must be a branch, tag or commit name such as main or v1.2.3.`,
        );
      }
      picked[parameter.name] = { source: parameter.source, value };
      continue;
    }

    const options = await parameterOptions(parameter, { ...sources, action: workflow.action });
    const option = options.find((candidate) => candidate.value === value);
    if (!option) {
      throw new OpsdeskError(
        'invalid-request',
        `${value} is not one of the ${label} choices of ${sources.environment.name}.`,
      );
    }
    if (option.unavailableReason) {
      throw new OpsdeskError(
        'invalid-request',
        `${label} ${option.label}: ${option.unavailableReason}`,
      );
    }
    picked[parameter.name] = { source: parameter.source, value, option };
  }
  return picked;
}
