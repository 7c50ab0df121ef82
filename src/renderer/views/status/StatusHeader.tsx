import { healthLine, type StatusReport } from '../../../shared/status';
import { timeAgo } from './model/statusFormat';

/**
 * The verdict line, when it was true, and the refresh button.
 *
 * A stale status keeps showing, under a mark saying since when and why, so
 * an operator never mistakes old answers for current ones.
 */
export function StatusHeader({
  report,
  requestFailure,
  refreshing,
  now,
  onRefresh,
}: {
  report: StatusReport | null;
  requestFailure: string | null;
  refreshing: boolean;
  now: number;
  onRefresh(): void;
}) {
  const snapshot = report?.snapshot ?? null;
  const staleReason = requestFailure ?? report?.stale?.reason ?? null;
  const verdict = snapshot ? (snapshot.health.healthy ? 'healthy' : 'unhealthy') : 'unknown';

  return (
    <>
      <div className="status-header">
        <div
          className={`health-line health-${verdict}`}
          data-testid="health-line"
          data-verdict={verdict}
        >
          <span className="health-dot" aria-hidden="true" />
          {snapshot
            ? healthLine(snapshot.health)
            : refreshing
              ? 'Reading the status…'
              : 'No status yet'}
        </div>
        <div className="status-freshness">
          {snapshot && (
            <span data-testid="updated-ago" data-taken-at={snapshot.takenAt}>
              updated {timeAgo(snapshot.takenAt, now)}
            </span>
          )}
          <button
            type="button"
            className="button"
            data-testid="status-refresh"
            disabled={refreshing}
            onClick={onRefresh}
          >
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      {staleReason && (
        <div className="stale-band" role="status" data-testid="stale-mark">
          <strong>
            {report?.stale?.throttled ? 'Stale, AWS is throttling' : 'Stale'}
            {report?.stale ? ` since ${timeAgo(report.stale.failedAt, now)}` : ''}:
          </strong>{' '}
          {staleReason}
          {snapshot ? ' What you see is the last status that could be read.' : ''}
        </div>
      )}
    </>
  );
}
