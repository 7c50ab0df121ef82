import type { Environment } from '../../shared/environments';
import { OpsdeskError } from '../../shared/result';
import type { RunLogLine, RunLogLines, WorkflowRun } from '../../shared/workflows';
import type { AwsClients } from '../aws';
import type { EnvironmentService } from '../environments/environmentService';
import type { Journal } from '../journal/journal';
import { createLogger } from '../logger';
import { executeEcsTask } from './ecsExecution';
import { errorMessage, type RunExecution } from './execution';
import { executeLambda } from './lambdaExecution';
import type { RunRecord } from './runRecord';
import type { RunStore } from './runStore';
import type { Pacing } from './watchers/pacing';

const logger = createLogger('workflows');

/** Lines of a run's log kept in memory for a run page opened later. */
const KEPT_LOG_LINES = 2000;

/** How long to wait before watching again a run that could not be observed. */
const REOBSERVE_MS = 15_000;

/** What watching runs needs. */
export interface RunWatchingOptions {
  environments: EnvironmentService;
  journal: Journal;
  runStore: RunStore;
  pacing: Pacing;
}

/**
 * Keeps every run watched to its real end: executes it from the stage it
 * reached, persists each change, tells listeners, journals the outcome, and
 * when a run cannot be observed (the network dropped) keeps trying.
 */
export function createRunWatching({ environments, journal, runStore, pacing }: RunWatchingOptions) {
  const records = new Map<string, RunRecord>();
  const lines = new Map<string, RunLogLine[]>();
  const watched = new Map<string, { controller: AbortController; done: Promise<void> }>();
  // Clients of environments other than the active one, for the runs picked up there.
  const ownClients = new Map<string, Promise<{ environment: Environment; clients: AwsClients }>>();
  const runListeners = new Set<(run: WorkflowRun) => void>();
  const lineListeners = new Set<(lines: RunLogLines) => void>();
  let loaded: Promise<void> | undefined;
  const endings = new Set<Promise<void>>();

  const load = async () => {
    await Promise.allSettled([...endings]);
    await (loaded ??= runStore.all().then((all) => {
      for (const record of all)
        if (!records.has(record.run.runId)) records.set(record.run.runId, record);
    }));
  };

  async function save(record: RunRecord): Promise<void> {
    const before = records.get(record.run.runId);
    // An ended run is final: a late progress update must not bring it back.
    if (before && before.run.status !== 'running') return;
    records.set(record.run.runId, record);
    const ending = before?.run.status === 'running' && record.run.status !== 'running';
    const notify = () => runListeners.forEach((listener) => listener(record.run));
    if (!ending) {
      notify();
      await runStore.save(record);
      return;
    }

    // The outcome is on disk before anyone is told, or asks, that the run ended.
    const persisted = (async () => {
      await runStore.save(record);
      await journal.append({
        kind: 'outcome',
        at: record.run.endedAt ?? pacing.now(),
        environment: record.run.environment,
        who: record.run.startedBy,
        what: record.run.workflowId,
        runId: record.run.runId,
        parameters: record.run.parameters,
        result: record.run.status === 'running' ? 'failed' : record.run.status,
        message: record.run.message,
        outputs: record.run.outputs,
      });
    })();
    endings.add(persisted);
    try {
      await persisted;
    } finally {
      endings.delete(persisted);
    }
    notify();
  }

  function addLines(runId: string, added: RunLogLine[]) {
    const kept = [...(lines.get(runId) ?? []), ...added].slice(-KEPT_LOG_LINES);
    lines.set(runId, kept);
    for (const listener of lineListeners) listener({ runId, lines: added });
  }

  async function execute(
    runId: string,
    environment: Environment,
    clients: AwsClients,
    signal: AbortSignal,
  ) {
    const workflow = environment.workflows.find(
      (candidate) => candidate.id === records.get(runId)?.run.workflowId,
    );
    const record = records.get(runId);
    if (!record) return;
    if (!workflow) {
      await save({
        ...record,
        run: {
          ...record.run,
          status: 'failed',
          message: `${environment.name} no longer has this workflow.`,
          endedAt: pacing.now(),
          canStop: false,
        },
      });
      return;
    }
    const execution: RunExecution = {
      environment,
      workflow,
      clients,
      pacing,
      signal,
      current: () => records.get(runId)!,
      save,
      onLogLines: (added) => addLines(runId, added),
      logLines: () => lines.get(runId) ?? [],
    };
    while (!signal.aborted && records.get(runId)?.run.status === 'running') {
      try {
        if (workflow.kind === 'ecs-task') await executeEcsTask(execution, workflow);
        else await executeLambda(execution, workflow);
      } catch (error) {
        if (signal.aborted) return;
        const now = records.get(runId)!;
        logger.warn(`run ${runId} could not be observed: ${errorMessage(error)}`);
        await save({
          ...now,
          run: {
            ...now.run,
            message: `Cannot observe the run right now (${errorMessage(error)}); watching again shortly.`,
          },
        });
        await pacing.sleep(REOBSERVE_MS, signal).catch(() => undefined);
      }
    }
  }

  function watch(record: RunRecord, environment: Environment, clients: AwsClients) {
    const runId = record.run.runId;
    if (watched.has(runId)) return;
    records.set(runId, record);
    const controller = new AbortController();
    const done = execute(runId, environment, clients, controller.signal)
      .catch((error: unknown) => logger.error(`run ${runId} failed to run`, errorMessage(error)))
      .finally(() => watched.delete(runId));
    watched.set(runId, { controller, done });
  }

  /** The run's own environment and clients: the active ones, or ones built for it. */
  async function environmentOf(name: string) {
    const active = await environments.current();
    if (active.environment.name === name) return active;
    let built = ownClients.get(name);
    if (!built) {
      built = environments.clientsFor(name);
      ownClients.set(name, built);
      built.catch(() => ownClients.delete(name));
    }
    return built;
  }

  const sortedRuns = () =>
    [...records.values()].map((record) => record.run).sort((a, b) => b.startedAt - a.startedAt);

  return {
    watch,
    async allRuns() {
      await load();
      return sortedRuns();
    },
    async runningRuns() {
      await load();
      return sortedRuns().filter((run) => run.status === 'running');
    },
    logLines: (runId: string) => lines.get(runId) ?? [],

    async stop(runId: string): Promise<WorkflowRun> {
      await load();
      const record = records.get(runId);
      if (!record) throw new OpsdeskError('not-found', `There is no run ${runId}.`);
      if (record.run.status !== 'running' || !record.run.canStop || !record.handles.taskArn) {
        throw new OpsdeskError(
          'invalid-request',
          `${record.run.workflowLabel} cannot be stopped now.`,
        );
      }
      // The stop goes to the run's own environment, whichever one is active.
      const { clients } = await environmentOf(record.run.environment);
      const identity = await environments.identity();
      await clients.ecs.stopTask(record.handles.taskArn, `Stopped from Opsdesk by ${identity.arn}`);
      await journal.append({
        kind: 'stop',
        at: pacing.now(),
        environment: record.run.environment,
        who: identity.arn,
        what: record.run.workflowId,
        runId,
      });
      const latest = records.get(runId)!;
      if (latest.run.status !== 'running') return latest.run;
      const stopping = {
        ...latest,
        run: {
          ...latest.run,
          canStop: false,
          message: 'Stop requested; waiting for ECS to stop the task.',
        },
      };
      await save(stopping);
      return stopping.run;
    },

    async resume() {
      await load();
      const running = [...records.values()].filter((record) => record.run.status === 'running');
      // Every run is watched again, whichever environment is active: each with its own clients.
      for (const record of running) {
        if (watched.has(record.run.runId)) continue;
        let own;
        try {
          own = await environmentOf(record.run.environment);
        } catch (error) {
          logger.warn(`cannot pick up run ${record.run.runId}: ${errorMessage(error)}`);
          continue;
        }
        if (watched.has(record.run.runId)) continue;
        logger.info(`picking up run ${record.run.runId} (${record.run.workflowId}) again`);
        watch(record, own.environment, own.clients);
        // Windows open since before the restart learn that the run is watched again.
        runListeners.forEach((listener) => listener(record.run));
      }
    },

    onRunUpdated(listener: (run: WorkflowRun) => void) {
      runListeners.add(listener);
      return () => runListeners.delete(listener);
    },
    onLogLines(listener: (added: RunLogLines) => void) {
      lineListeners.add(listener);
      return () => lineListeners.delete(listener);
    },

    async dispose() {
      const all = [...watched.values()];
      for (const { controller } of all) controller.abort();
      await Promise.all(all.map(({ done }) => done));
      const built = await Promise.allSettled([...ownClients.values()]);
      ownClients.clear();
      for (const result of built) if (result.status === 'fulfilled') result.value.clients.destroy();
    },
  };
}
