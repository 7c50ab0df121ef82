import {
  approveRequest,
  parameterOptionsRequest,
  planRequest,
  runRequest,
  startRunRequest,
  type Approval,
  type BuildForApproval,
  type ParameterOption,
  type RunLogLine,
  type RunLogLines,
  type RunPlan,
  type WorkflowCatalog,
  type WorkflowRun,
} from '../../workflows';
import { emptyRequest } from './app';
import { event, request } from './declare';

/** Channels for starting workflows, watching their runs and approving builds. */
export const workflowRequestChannels = {
  'workflows:catalog': request<WorkflowCatalog>()(emptyRequest),
  'workflows:options': request<ParameterOption[]>()(parameterOptionsRequest),
  'workflows:plan': request<RunPlan>()(planRequest),
  'workflows:start': request<WorkflowRun>()(startRunRequest),
  'workflows:stop': request<WorkflowRun>()(runRequest),
  'workflows:runs': request<WorkflowRun[]>()(emptyRequest),
  'workflows:logs': request<RunLogLine[]>()(runRequest),
  'workflows:builds': request<BuildForApproval[]>()(emptyRequest),
  'workflows:approve': request<Approval>()(approveRequest),
};

/** Progress of runs: every change of a run, and new lines of its log. */
export const workflowEventChannels = {
  'workflows:runUpdated': event<WorkflowRun>(),
  'workflows:logLines': event<RunLogLines>(),
};
