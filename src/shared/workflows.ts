import { z } from 'zod';
import type { CONFIRMATION_LEVELS, PARAMETER_SOURCES, WORKFLOW_ACTIONS } from './environments';

/**
 * Workflow runs, approvals and the journal as they cross between the main
 * process and the renderer.
 */

/** What a workflow does: build, deploy, backup, restore, rollback or other. */
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** How much the operator must do before a workflow starts. */
export type ConfirmationLevel = (typeof CONFIRMATION_LEVELS)[number];

/** Where a parameter's value comes from. */
export type ParameterSource = (typeof PARAMETER_SOURCES)[number];

/** Where a run stands: watched until it ends as succeeded, failed or stopped on request. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'stopped';

/** One step of a run's progress, in the order they happen. */
export interface RunPhase {
  id: string;
  label: string;
  state: 'waiting' | 'active' | 'done' | 'failed';
}

/** One run of a workflow, from its start to its real end. */
export interface WorkflowRun {
  runId: string;
  environment: string;
  workflowId: string;
  workflowLabel: string;
  action: WorkflowAction;
  kind: 'lambda' | 'ecs-task';
  /** The values the operator picked, by parameter name. */
  parameters: Record<string, string>;
  /** Caller ARN of whoever started it. */
  startedBy: string;
  startedAt: number;
  endedAt?: number;
  status: RunStatus;
  phases: RunPhase[];
  /** The latest thing that happened, in words. */
  message: string;
  /** Named outputs the workflow reported, e.g. commitHash and imageDigest of a build. */
  outputs: Record<string, unknown>;
  /** Whether the operator may stop it now. */
  canStop: boolean;
}

/** Lines of a run's log stream, in order, as they are read. */
export interface RunLogLines {
  runId: string;
  lines: RunLogLine[];
}

/** One line of a run's log. */
export interface RunLogLine {
  time: number;
  message: string;
}

/** A workflow as its form needs it, with why it cannot start when it cannot. */
export interface WorkflowSummary {
  id: string;
  label: string;
  action: WorkflowAction;
  kind: 'lambda' | 'ecs-task';
  /** Function name or task definition family: what actually runs. */
  target: string;
  confirmation: ConfirmationLevel;
  parameters: { name: string; label: string; source: ParameterSource }[];
  /** Set when the workflow cannot be started, e.g. a read-only environment. */
  disabledReason?: string;
  /** ECS tasks can be stopped while they run; a Lambda invocation cannot. */
  stoppable: boolean;
}

/** The workflows of the active environment. */
export interface WorkflowCatalog {
  environment: string;
  environmentLabel: string;
  readOnly: boolean;
  workflows: WorkflowSummary[];
}

/** An approval: an approver compared the build's commit with the reviewed one. */
export interface Approval {
  imageDigest: string;
  commitHash: string;
  tags: string[];
  reviewedCommit: string;
  approvedBy: string;
  approvedAt: number;
  environment: string;
}

/** One value an operator can pick for a parameter, with what identifies it. */
export interface ParameterOption {
  value: string;
  label: string;
  detail: string;
  /** For images: the commit hash tag, every tag, and the approval if there is one. */
  image?: { imageDigest: string; commitHash: string | null; tags: string[]; pushedAt?: number };
  /** For revisions: the service it belongs to and the task definition it names. */
  revision?: {
    service: string;
    family: string;
    revision: number;
    taskDefinitionArn: string;
    imageDigest: string | null;
    current: boolean;
  };
  /** For snapshots: the database it was taken of and whether it can be restored yet. */
  snapshot?: { snapshotId: string; database: string; status: string; createdAt?: number };
  approval?: Approval;
  /** Why this option cannot be picked, e.g. an image nobody approved. */
  unavailableReason?: string;
}

/** A build whose image an approver can release for deploy. */
export interface BuildForApproval {
  runId: string;
  endedAt: number;
  commitHash: string;
  imageDigest: string;
  tags: string[];
  approval?: Approval;
}

/** What a start will do, in words, and what the operator must confirm. */
export interface RunPlan {
  workflowId: string;
  summary: string[];
  confirmation: ConfirmationLevel;
  /** The text the operator must type when confirmation is `type-environment-name`. */
  environmentName: string;
}

/** Kinds of journal entries: a start, an approval, a stop request, an outcome. */
export const JOURNAL_KINDS = ['start', 'approval', 'stop', 'outcome'] as const;

/** One line of the local, append-only journal. */
export interface JournalEntry {
  kind: (typeof JOURNAL_KINDS)[number];
  at: number;
  environment: string;
  /** Caller ARN. */
  who: string;
  /** Workflow id, or `approve` for approvals. */
  what: string;
  runId?: string;
  parameters?: Record<string, string>;
  result?: 'succeeded' | 'failed' | 'stopped';
  message?: string;
  outputs?: Record<string, unknown>;
}

/** An exported journal: a file name and its text. */
export interface JournalExport {
  fileName: string;
  mimeType: string;
  content: string;
}

const name = z.string().min(1).max(200);
const parameterValues = z.record(z.string().max(100), z.string().max(500)).default({});

/** Asks for the options of one parameter of a workflow. */
export const parameterOptionsRequest = z.object({ workflowId: name, parameter: name }).strict();

/** Asks what a start would do, without starting. */
export const planRequest = z.object({ workflowId: name, parameters: parameterValues }).strict();

/** Starts a workflow; `confirmation` is the typed environment name when one is required. */
export const startRunRequest = z
  .object({
    workflowId: name,
    parameters: parameterValues,
    confirmed: z.boolean().default(false),
    typedEnvironmentName: z.string().max(200).optional(),
  })
  .strict();

/** Names one run. */
export const runRequest = z.object({ runId: name }).strict();

/** Approves an image by digest after comparing the reviewed commit. */
export const approveRequest = z
  .object({
    imageDigest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be a sha256 digest'),
    reviewedCommit: z.string().trim().min(1).max(40),
  })
  .strict();

/** Narrows the journal's entries; every field is optional. */
export const journalFilter = z
  .object({
    text: z.string().max(200).optional(),
    kind: z.enum(JOURNAL_KINDS).optional(),
    result: z.enum(['succeeded', 'failed', 'stopped']).optional(),
    environment: z.string().max(100).optional(),
    from: z.number().optional(),
    to: z.number().optional(),
  })
  .strict();

/** Exports the (filtered) journal as CSV or JSON lines. */
export const journalExportRequest = journalFilter
  .extend({ format: z.enum(['csv', 'jsonl']) })
  .strict();

/** The journal filter, parsed. */
export type JournalFilter = z.output<typeof journalFilter>;

/** The shortest prefix of a commit hash an approver may enter. */
export const MIN_COMMIT_PREFIX = 7;

/** How the reviewed commit an approver entered compares with the build's commit. */
export type CommitComparison =
  | { outcome: 'match' }
  | { outcome: 'mismatch'; reason: string }
  | { outcome: 'invalid'; reason: string };

/**
 * Compares the reviewed commit with the build's: the full hash, or an
 * unambiguous prefix of at least seven characters, case-insensitive.
 */
export function compareCommits(buildCommit: string, reviewedCommit: string): CommitComparison {
  const reviewed = reviewedCommit.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(reviewed)) {
    return { outcome: 'invalid', reason: 'A commit hash has only the digits 0-9 and a-f.' };
  }
  if (reviewed.length < MIN_COMMIT_PREFIX) {
    return {
      outcome: 'invalid',
      reason: `Enter at least ${MIN_COMMIT_PREFIX} characters of the reviewed commit.`,
    };
  }
  if (reviewed.length > 40) {
    return { outcome: 'invalid', reason: 'A commit hash has 40 characters.' };
  }
  if (buildCommit.toLowerCase().startsWith(reviewed)) return { outcome: 'match' };
  return {
    outcome: 'mismatch',
    reason: `The build was made from ${buildCommit}, not from ${reviewed}.`,
  };
}
