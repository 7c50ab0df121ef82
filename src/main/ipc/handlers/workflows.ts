import type { workflowRequestChannels } from '../../../shared/ipc/channels/workflows';
import type { DomainHandlers } from './handler';

/** Requests to start, watch, stop and approve workflows of the active environment. */
export const workflowHandlers: DomainHandlers<typeof workflowRequestChannels> = {
  'workflows:catalog': (_request, services) => services.workflows.catalog(),
  'workflows:options': (request, services) =>
    services.workflows.options(request.workflowId, request.parameter),
  'workflows:plan': (request, services) =>
    services.workflows.plan(request.workflowId, request.parameters),
  'workflows:start': (request, services) => services.workflows.start(request),
  'workflows:stop': (request, services) => services.workflows.stop(request.runId),
  'workflows:runs': (_request, services) => services.workflows.runs(),
  'workflows:logs': (request, services) => services.workflows.logs(request.runId),
  'workflows:builds': (_request, services) => services.workflows.builds(),
  'workflows:approve': (request, services) =>
    services.workflows.approve(request.imageDigest, request.reviewedCommit),
};
