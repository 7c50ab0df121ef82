import type { Environment, Workflow } from '../../shared/environments';
import type { RunLogLine } from '../../shared/workflows';
import type { AwsClients } from '../aws';
import type { RunRecord } from './runRecord';
import type { Pacing } from './watchers/pacing';

/** What executing one run needs: where, with which clients, and how to report. */
export interface RunExecution {
  environment: Environment;
  workflow: Workflow;
  clients: AwsClients;
  pacing: Pacing;
  /** The record as it stands; `save` replaces it. */
  current(): RunRecord;
  /** Persists a changed record and tells the renderer. */
  save(record: RunRecord): Promise<void>;
  /** Delivers new lines of the run's log. */
  onLogLines(lines: RunLogLine[]): void;
  /** Every line read so far, for the task's result line. */
  logLines(): readonly RunLogLine[];
  signal: AbortSignal;
}

/** A message from any error, for a run's outcome. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
