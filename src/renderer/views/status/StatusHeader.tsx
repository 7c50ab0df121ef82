import type { StatusReport } from '../../../shared/status';
import { healthHeadline } from './model/healthHeadline';
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
  const headline = snapshot ? healthHeadline(snapshot) : null;

  return (
    <>
      <div className="status-header">
        <div
          className={`health-line health-${verdict}${headline?.mixedCommits ? ' health-mixed' : ''}`}
          data-testid="health-line"
          data-verdict={verdict}
          data-mixed-commits={headline?.mixedCommits ? 'true' : undefined}
        >
          <span className="health-dot" aria-hidden="true" />
          <span data-testid="health-text">
            {headline ? headline.text : refreshing ? 'Reading the status…' : 'No status yet'}
          </span>
          {headline?.mixedCommits && (
            <span
              className="badge badge-warn"
              data-testid="mixed-commits"
              title="Not a fault, but worth a look: a service may have been rolled back, or a deploy reached only some services."
            >
              different commits
            </span>
          )}
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
        <div className="warning-band" role="status" data-testid="stale-mark">
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
