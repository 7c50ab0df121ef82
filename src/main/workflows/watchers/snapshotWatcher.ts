import type { RdsOperations } from '../../aws';
import { pollUntil, type Pacing } from './pacing';

/** How a backup's snapshot ended. */
export interface SnapshotOutcome {
  succeeded: boolean;
  message: string;
}

/** What watching a snapshot needs. */
export interface SnapshotWatch {
  rds: Pick<RdsOperations, 'describeDbSnapshots'>;
  dbInstanceIdentifier: string;
  snapshotId: string;
  pacing: Pacing;
  onProgress(message: string): void;
  signal?: AbortSignal;
}

const FAILED_STATES = new Set(['failed', 'error', 'incompatible-restore', 'deleted']);
const MISSING_POLLS = 5;

/** Polls a snapshot until it is available, or failed, or gone. */
export async function watchSnapshot(watch: SnapshotWatch): Promise<SnapshotOutcome> {
  let last = '';
  let missing = 0;
  return pollUntil(
    watch.pacing,
    () => watch.rds.describeDbSnapshots(watch.dbInstanceIdentifier),
    (snapshots) => {
      const snapshot = snapshots.find((s) => s.DBSnapshotIdentifier === watch.snapshotId);
      if (!snapshot) {
        missing += 1;
        return missing >= MISSING_POLLS
          ? { succeeded: false, message: `Snapshot ${watch.snapshotId} does not exist.` }
          : undefined;
      }
      const status = snapshot.Status ?? 'unknown';
      if (status === 'available') {
        return { succeeded: true, message: `Snapshot ${watch.snapshotId} is available.` };
      }
      if (FAILED_STATES.has(status)) {
        return { succeeded: false, message: `Snapshot ${watch.snapshotId} is ${status}.` };
      }
      const text = `Snapshot ${watch.snapshotId} is ${status}, ${snapshot.PercentProgress ?? 0}% done`;
      if (text !== last) watch.onProgress((last = text));
      return undefined;
    },
    watch.signal,
  );
}
