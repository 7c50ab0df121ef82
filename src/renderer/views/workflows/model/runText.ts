import type { RunStatus, WorkflowRun } from '../../../../shared/workflows';

/** The mark of a run's status: a tick, a cross, a square for a stop on request. */
export function statusMark(status: RunStatus): string {
  return status === 'succeeded' ? '✔' : status === 'stopped' ? '■' : status === 'failed' ? '✖' : '';
}

/** The outcome headline of a run page, e.g. "✔ Succeeded" or "■ Stopped". */
export function outcomeLabel(status: RunStatus): string {
  if (status === 'running') return 'Running';
  return `${statusMark(status)} ${status[0].toUpperCase()}${status.slice(1)}`;
}

/** The window title while an ended run waits to be seen, e.g. "✔ Deploy succeeded — Opsdesk". */
export function runEndedTitle(run: WorkflowRun): string {
  return `${statusMark(run.status)} ${run.workflowLabel} ${run.status} — Opsdesk`;
}

/** How long a run took or has been going, as "1 min 05 s". */
export function runDuration(run: WorkflowRun, now: number): string {
  const ms = Math.max(0, (run.endedAt ?? now) - run.startedAt);
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** A time of day in the user's zone, with seconds. */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour12: false });
}

/** The outputs worth showing first, in a fixed order, then the rest. */
export function outputEntries(outputs: Record<string, unknown>): [string, string][] {
  const first = ['commitHash', 'imageDigest', 'snapshotId', 'exitCode'];
  const keys = [
    ...first.filter((key) => key in outputs),
    ...Object.keys(outputs).filter((key) => !first.includes(key)),
  ];
  return keys
    .filter((key) => outputs[key] !== null && outputs[key] !== undefined)
    .map((key) => {
      const value = outputs[key];
      return [key, typeof value === 'string' ? value : JSON.stringify(value)];
    });
}
