import type { Environment, Workflow } from '../../shared/environments';
import type { RunLogLine } from '../../shared/workflows';
import type { AwsClients } from '../aws';
import { startLogTail, type LogTail } from '../logpull/tail';
import type { RunLogLocation, RunRecord } from './runRecord';
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

/**
 * Follows a run's log until `stop`, delivering its lines to the run. A stream
 * that does not exist yet (a task still provisioning) is asked for again.
 */
export function tailRunLog(execution: RunExecution, location: RunLogLocation): LogTail {
  const { pacing } = execution;
  return startLogTail({
    logs: execution.clients.logs,
    logGroup: location.logGroupName,
    logStream: location.logStreamName,
    from: location.startTime,
    pollMs: pacing.pollMs,
    sleep: (ms, signal) => pacing.sleep(ms, signal),
    now: () => pacing.now(),
    onLines: (lines) =>
      execution.onLogLines(
        lines.map((line) => ({ time: line.timestamp, message: line.message.trimEnd() })),
      ),
  });
}
