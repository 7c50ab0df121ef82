import { randomUUID } from 'node:crypto';
import type { Environment } from '../../shared/environments';
import { OpsdeskError } from '../../shared/result';
import type {
  Approval,
  BuildForApproval,
  ParameterOption,
  RunLogLine,
  RunLogLines,
  RunPlan,
  WorkflowCatalog,
  WorkflowRun,
} from '../../shared/workflows';
import { sleepUnlessAborted } from '../aws/awsCall';
import type { EnvironmentService } from '../environments/environmentService';
import type { Journal } from '../journal/journal';
import { createLogger } from '../logger';
import { createRateBudget } from '../status';
import { approvalsFrom, decideApproval, findImage } from './approvals';
import { createRunWatching } from './runWatching';
import { parameterOptions } from './parameterOptions';
import { pickParameters } from './pickParameters';
import { phasesOf } from './runProgress';
import { planRun } from './runPlan';
import type { RunStore } from './runStore';
import { checkConfirmation, checkNoConflict, disabledReason } from './startGuards';
import type { Pacing } from './watchers/pacing';
import { workflowInputs } from './workflowInputs';

const logger = createLogger('workflows');

/** A start as the renderer asks for it, already parsed. */
export interface StartRequest {
  workflowId: string;
  parameters: Record<string, string>;
  confirmed: boolean;
  typedEnvironmentName?: string;
}

/** Starting, watching and approving workflows of the active environment. */
export interface WorkflowService {
  catalog(): Promise<WorkflowCatalog>;
  options(workflowId: string, parameter: string): Promise<ParameterOption[]>;
  plan(workflowId: string, parameters: Record<string, string>): Promise<RunPlan>;
  start(request: StartRequest): Promise<WorkflowRun>;
  stop(runId: string): Promise<WorkflowRun>;
  runs(): Promise<WorkflowRun[]>;
  logs(runId: string): Promise<RunLogLine[]>;
  builds(): Promise<BuildForApproval[]>;
  approve(imageDigest: string, reviewedCommit: string): Promise<Approval>;
  onRunUpdated(listener: (run: WorkflowRun) => void): () => void;
  onLogLines(listener: (lines: RunLogLines) => void): () => void;
  /** Watches again every run that was running when Opsdesk stopped, in whatever environment. */
  resume(): Promise<void>;
  dispose(): Promise<void>;
}

/** What the workflow service is built from. */
export interface WorkflowServiceOptions {
  environments: EnvironmentService;
  journal: Journal;
  runStore: RunStore;
  pacing?: Partial<Pacing>;
  newRunId?: () => string;
}

/** Creates the workflow service; nothing reaches AWS until a request or a run to resume. */
export function createWorkflowService(options: WorkflowServiceOptions): WorkflowService {
  const { environments, journal, runStore } = options;
  const pacing: Pacing = {
    sleep: sleepUnlessAborted,
    pollMs: 2000,
    now: Date.now,
    ...options.pacing,
  };
  const newRunId = options.newRunId ?? randomUUID;
  // Listing options describes many images and revisions; their calls are paced together.
  const budget = createRateBudget();
  const watching = createRunWatching({ environments, journal, runStore, pacing });
  const starting = new Set<string>();
  // Switching to an environment picks up the runs it had in progress.
  const stopFollowing = environments.onChanged(() => void watching.resume().catch(() => undefined));

  const workflowOf = (environment: Environment, workflowId: string) => {
    const workflow = environment.workflows.find((candidate) => candidate.id === workflowId);
    if (!workflow) {
      throw new OpsdeskError('not-found', `${environment.name} has no workflow "${workflowId}".`);
    }
    return workflow;
  };

  const approvals = async (environment: Environment) =>
    approvalsFrom(await journal.read(), environment.name);

  const refuseIfReadOnly = (environment: Environment) => {
    const reason = disabledReason(environment);
    if (reason) throw new OpsdeskError('invalid-request', reason);
  };

  async function begin(request: StartRequest): Promise<WorkflowRun> {
    const { environment, clients } = await environments.current();
    const workflow = workflowOf(environment, request.workflowId);
    refuseIfReadOnly(environment);
    checkConfirmation(environment, workflow, request.confirmed, request.typedEnvironmentName);
    checkNoConflict(environment, workflow, await watching.runningRuns());

    const picked = await pickParameters(workflow, request.parameters, {
      environment,
      clients,
      budget,
      approvals: await approvals(environment),
    });
    const identity = await environments.identity();
    const runId = newRunId();
    const run: WorkflowRun = {
      runId,
      environment: environment.name,
      workflowId: workflow.id,
      workflowLabel: workflow.label ?? workflow.id,
      action: workflow.action,
      kind: workflow.kind,
      parameters: Object.fromEntries(
        Object.entries(picked).map(([name, parameter]) => [name, parameter.value]),
      ),
      startedBy: identity.arn,
      startedAt: pacing.now(),
      status: 'running',
      phases: phasesOf(workflow),
      message: 'Starting.',
      outputs: {},
      canStop: false,
    };

    // On disk before anything starts: a crash after this point leaves a run to pick up.
    const record = {
      run,
      handles: { stage: 'starting' as const, inputs: workflowInputs(workflow, picked) },
    };
    await runStore.save(record);
    await journal.append({
      kind: 'start',
      at: run.startedAt,
      environment: run.environment,
      who: run.startedBy,
      what: run.workflowId,
      runId,
      parameters: run.parameters,
    });
    logger.info(`started ${workflow.id} run ${runId} in ${environment.name}`);
    watching.watch(record, environment, clients);
    return run;
  }

  return {
    async catalog() {
      const { environment } = await environments.current();
      const reason = disabledReason(environment);
      return {
        environment: environment.name,
        environmentLabel: environment.label ?? environment.name,
        readOnly: environment.readOnly,
        workflows: environment.workflows.map((workflow) => ({
          id: workflow.id,
          label: workflow.label ?? workflow.id,
          action: workflow.action,
          kind: workflow.kind,
          target:
            workflow.kind === 'lambda' ? workflow.functionName : workflow.taskDefinitionFamily,
          confirmation: workflow.confirmation,
          parameters: workflow.parameters.map((parameter) => ({
            name: parameter.name,
            label: parameter.label ?? parameter.name,
            source: parameter.source,
          })),
          stoppable: workflow.kind === 'ecs-task',
          ...(reason ? { disabledReason: reason } : {}),
        })),
      };
    },

    async options(workflowId, parameterName) {
      const { environment, clients } = await environments.current();
      const workflow = workflowOf(environment, workflowId);
      const parameter = workflow.parameters.find((candidate) => candidate.name === parameterName);
      if (!parameter) {
        throw new OpsdeskError('not-found', `${workflowId} has no parameter "${parameterName}".`);
      }
      return parameterOptions(parameter, {
        environment,
        clients,
        budget,
        approvals: await approvals(environment),
        action: workflow.action,
      });
    },

    async plan(workflowId, parameters) {
      const { environment, clients } = await environments.current();
      const workflow = workflowOf(environment, workflowId);
      refuseIfReadOnly(environment);
      const picked = await pickParameters(workflow, parameters, {
        environment,
        clients,
        budget,
        approvals: await approvals(environment),
      });
      return planRun(environment, workflow, picked);
    },

    async start(request) {
      // A second click while the first start is still being checked is refused too.
      if (starting.has(request.workflowId)) {
        throw new OpsdeskError('conflict', `${request.workflowId} is already being started.`);
      }
      starting.add(request.workflowId);
      try {
        return await begin(request);
      } finally {
        starting.delete(request.workflowId);
      }
    },

    stop: (runId) => watching.stop(runId),
    runs: () => watching.allRuns(),
    logs: async (runId) => watching.logLines(runId),

    async builds() {
      const { environment, clients } = await environments.current();
      const known = await approvals(environment);
      const builds = (await watching.allRuns()).filter(
        (run) =>
          run.environment === environment.name &&
          run.action === 'build' &&
          run.status === 'succeeded' &&
          typeof run.outputs.commitHash === 'string' &&
          typeof run.outputs.imageDigest === 'string',
      );
      const found: BuildForApproval[] = [];
      for (const run of builds.slice(0, 20)) {
        const imageDigest = String(run.outputs.imageDigest);
        const image = await findImage(environment, clients, imageDigest).catch(() => undefined);
        const approval = known.findLast((entry) => entry.imageDigest === imageDigest);
        found.push({
          runId: run.runId,
          endedAt: run.endedAt ?? run.startedAt,
          commitHash: String(run.outputs.commitHash),
          imageDigest,
          tags: image?.imageTags ?? [],
          ...(approval ? { approval } : {}),
        });
      }
      return found;
    },

    async approve(imageDigest, reviewedCommit) {
      const { environment, clients } = await environments.current();
      const image = await findImage(environment, clients, imageDigest);
      if (!image) {
        throw new OpsdeskError(
          'not-found',
          `No repository of ${environment.name} has ${imageDigest}.`,
        );
      }
      const identity = await environments.identity();
      // One reading of the clock: the approval shown and the one journaled agree.
      const decidedAt = pacing.now();
      const decision = decideApproval(
        environment.name,
        image,
        reviewedCommit,
        identity.arn,
        decidedAt,
      );
      // Input that cannot be compared is refused without a record; a mismatch is recorded.
      if (!decision.approved && !decision.mismatch) {
        throw new OpsdeskError('invalid-request', decision.reason);
      }
      await journal.append({
        kind: 'approval',
        at: decidedAt,
        environment: environment.name,
        who: identity.arn,
        what: 'approve',
        result: decision.approved ? 'succeeded' : 'failed',
        message: decision.approved
          ? `Approved ${imageDigest} for deploy.`
          : `Refused ${imageDigest}: ${decision.reason}`,
        outputs: decision.approved
          ? { ...decision.approval }
          : { imageDigest, commitHash: decision.commitHash, tags: decision.tags, reviewedCommit },
      });
      if (!decision.approved) throw new OpsdeskError('invalid-request', decision.reason);
      return decision.approval;
    },

    onRunUpdated: (listener) => watching.onRunUpdated(listener),
    onLogLines: (listener) => watching.onLogLines(listener),
    resume: () => watching.resume(),
    dispose: async () => {
      stopFollowing();
      await watching.dispose();
    },
  };
}
