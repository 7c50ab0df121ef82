import type { LoadProgress, LogSource } from '../../../../shared/logs';
import { countOf } from '../../../format/plural';
import { formatBytes } from '../model/numberFormat';
import { loadFraction } from '../stores/sourcesStore';

/** One loaded file: name, format, events, a progress bar while loading, its problem. */
export function SourceItem({
  source,
  progress,
  onClose,
}: {
  source: LogSource;
  progress: LoadProgress | undefined;
  onClose(): void;
}) {
  const fraction = loadFraction(progress);
  const problem = source.problem ?? progress?.problem;

  return (
    <li
      className={`source-item source-${source.state}`}
      data-testid="source-item"
      data-state={source.state}
      data-records={source.records}
    >
      <div className="source-title">
        <span className="source-name" title={source.path}>
          {source.name}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={`Close ${source.name}`}
          title="Close"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="source-meta">
        <span className="format-tag">
          {source.format || (source.state === 'loading' ? 'detecting…' : 'unknown')}
        </span>
        <span>{countOf(source.records, 'event')}</span>
        <span>{formatBytes(source.sizeBytes)}</span>
      </div>
      {source.state === 'loading' && (
        <div
          className="progress"
          role="progressbar"
          aria-label={`Loading ${source.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fraction === undefined ? undefined : Math.round(fraction * 100)}
        >
          <div
            className={fraction === undefined ? 'progress-bar indeterminate' : 'progress-bar'}
            style={fraction === undefined ? undefined : { width: `${fraction * 100}%` }}
          />
        </div>
      )}
      {problem && (
        <div
          className={source.state === 'failed' ? 'source-problem failed' : 'source-problem'}
          data-testid="source-problem"
        >
          {problem}
        </div>
      )}
    </li>
  );
}
