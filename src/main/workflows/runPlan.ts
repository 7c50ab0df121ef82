import type { Environment, Workflow } from '../../shared/environments';
import type { RunPlan } from '../../shared/workflows';
import { describeInputs, workflowInputs, type PickedParameter } from './workflowInputs';

function pickedInWords(name: string, picked: PickedParameter): string {
  const option = picked.option;
  if (option?.image) {
    const commit = option.image.commitHash ?? 'no commit tag';
    const approval = option.approval
      ? `, approved by ${option.approval.approvedBy} on ${new Date(option.approval.approvedAt).toISOString()}`
      : '';
    return `${name}: image ${option.image.imageDigest} (commit ${commit})${approval}. It is pinned by digest, never by tag.`;
  }
  if (option?.revision) {
    return `${name}: service ${option.revision.service} goes back to ${option.revision.family}:${option.revision.revision} (${option.revision.imageDigest ?? 'image without digest'}).`;
  }
  if (option?.snapshot) {
    return `${name}: snapshot ${option.snapshot.snapshotId} of ${option.snapshot.database}. The database's current data is replaced.`;
  }
  return `${name}: ${picked.value}`;
}

function howItIsWatched(workflow: Workflow): string {
  if (workflow.kind === 'ecs-task') {
    return `Watched until the task is STOPPED; it succeeds only if container ${workflow.containerName} exits with code 0.`;
  }
  if (workflow.action === 'deploy' || workflow.action === 'rollback') {
    return 'Watched until the function answers, then until the service rollout completes or fails.';
  }
  if (workflow.action === 'backup') {
    return 'Watched until the function answers, then until the snapshot is available.';
  }
  return 'Watched until the function answers; an error in its answer is a failure.';
}

/** What a start will do, in words the operator confirms: what runs, where, with which values. */
export function planRun(
  environment: Environment,
  workflow: Workflow,
  picked: Record<string, PickedParameter>,
): RunPlan {
  const where = `in ${environment.label ?? environment.name} (${environment.region}${
    environment.accountId ? `, account ${environment.accountId}` : ''
  })`;
  const what =
    workflow.kind === 'ecs-task'
      ? `Run the ECS task ${workflow.taskDefinitionFamily} once on cluster ${environment.cluster} ${where}.`
      : `Invoke the Lambda function ${workflow.functionName} once ${where}.`;
  const inputs = describeInputs(workflowInputs(workflow, picked));
  const passed =
    inputs.length === 0
      ? 'No parameters are passed.'
      : workflow.kind === 'ecs-task'
        ? `Container ${workflow.containerName} gets ${inputs.join(', ')}.`
        : `The payload carries ${inputs.join(', ')} and an idempotency key.`;

  return {
    workflowId: workflow.id,
    summary: [
      what,
      ...workflow.parameters.map((parameter) =>
        pickedInWords(parameter.label ?? parameter.name, picked[parameter.name]),
      ),
      passed,
      howItIsWatched(workflow),
    ],
    confirmation: workflow.confirmation,
    environmentName: environment.name,
  };
}
