import type { logPullRequestChannels } from '../../../shared/ipc/channels/logpull';
import type { DomainHandlers } from './handler';

/** Requests to pull CloudWatch Logs, follow streams, and count with Logs Insights. */
export const logPullHandlers: DomainHandlers<typeof logPullRequestChannels> = {
  'logs:pullGroups': (_request, services) => services.logPull.groups(),
  'logs:pullStreams': (request, services) => services.logPull.streams(request.logGroup),
  'logs:pull': (request, services) => services.logPull.start(request),
  'logs:pullCancel': (request, services) => services.logPull.cancel(request.pullId),
  'logs:pullEstimate': (request, services) => services.logPull.estimate(request),
  'logs:insightsHistogram': (request, services) => services.logPull.insightsHistogram(request),
  'logs:tail': (request, services) => services.logTail.start(request),
  'logs:tailStop': (request, services) => services.logTail.stop(request.tailId),
};
