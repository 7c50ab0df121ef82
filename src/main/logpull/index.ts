/**
 * Pulling CloudWatch Logs into the local index: slices read at once under a
 * shared rate quota, duplicates dropped by id, state kept for refresh and
 * resume; live tails; and Logs Insights counts for ranges too large to pull.
 */
export { createLogPullService, DEFAULT_RATE_QUOTA, type LogPullService } from './pullService';
export { createLogTailService, type LogTailService } from './tailService';
export { followLog, startLogTail, type FollowLogOptions, type LogTail } from './tail';
export { PullStore } from './pullStore';
export { GroupParser } from './streamParser';
export { loadPulledEvents } from './loadPulled';
export { createPulledSources, type PulledSources } from './pulledSources';
