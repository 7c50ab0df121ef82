/**
 * The status of an environment: services, tasks, images, databases and
 * snapshots. The list functions are free of UI concerns so that workflows can
 * offer the same images, snapshots and revisions in their forms.
 */
export { collectStatus, type StatusSources } from './collectStatus';
export { listClusterTasks, type ClusterTasks } from './clusterTasks';
export { listDatabases, listSnapshots, readSnapshots } from './databases';
export { summarizeHealth } from './health';
export { commitLookup, listImages, markRunningImages, type CommitLookup } from './images';
export { createRateBudget, type RateBudget, type RateBudgetOptions } from './rateBudget';
export { listRevisions, type RevisionRange } from './revisions';
export { listServices, type TaskDefinitionCache } from './serviceStatus';
export {
  createStatusService,
  REFRESH_INTERVAL_MS,
  type StatusService,
  type StatusServiceOptions,
} from './statusService';
