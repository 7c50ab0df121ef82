import type { PullProgress } from '../../../../shared/ipc/channels/logpull';
import { formatBytes, formatCount } from '../model/numberFormat';
import { countOf } from '../../../format/plural';

/** Seconds as the user reads a wait: `45 s`, `3 min`. */
function formatSecondsLeft(seconds: number): string {
  return seconds < 90 ? `${Math.max(1, Math.round(seconds))} s` : `${Math.round(seconds / 60)} min`;
}

/** A pull's figures: events, bytes, rate, time left; and its end, good or bad. */
export function PullProgressView({
  progress,
  onCancel,
}: {
  progress: PullProgress;
  onCancel(): void;
}) {
  const running = progress.state === 'running';
  return (
    <div
      className={`pull-progress pull-${progress.state}`}
      data-testid="pull-progress"
      data-state={progress.state}
      data-events={progress.events}
    >
      {running && (
        <div
          className="progress"
          role="progressbar"
          aria-label="Pulling"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress.fractionDone * 100)}
        >
          <div className="progress-bar" style={{ width: `${progress.fractionDone * 100}%` }} />
        </div>
      )}
      <div className="pull-figures">
        <span>{countOf(progress.events, 'event')}</span>
        <span>{formatBytes(progress.bytes)}</span>
        {running && <span>{formatCount(Math.round(progress.eventsPerSecond))} events/s</span>}
        {running && progress.secondsLeft !== undefined && (
          <span>{formatSecondsLeft(progress.secondsLeft)} left</span>
        )}
        {progress.duplicates > 0 && (
          <span title="CloudWatch returned these events twice; each is kept once">
            {countOf(progress.duplicates, 'duplicate')} dropped
          </span>
        )}
      </div>
      {running && progress.notice && <p className="pull-notice">{progress.notice}</p>}
      {progress.state === 'done' && !progress.message && (
        <p className="pull-outcome">Pulled {progress.logGroups.join(', ')}.</p>
      )}
      {progress.message && (
        <p className={progress.state === 'failed' ? 'pull-error' : 'pull-outcome'} role="status">
          {progress.message}
        </p>
      )}
      {running && (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
