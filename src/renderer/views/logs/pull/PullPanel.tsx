import { useStore } from 'zustand';
import { formatBytes } from '../model/numberFormat';
import { formatEventTime } from '../model/timeFormat';
import { useStores } from '../../../stores/StoresContext';
import { PULL_RANGES, PULL_RANGE_LABELS, type PullRangeChoice } from './pullRange';
import { FollowStream } from './FollowStream';
import { PullProgressView } from './PullProgressView';
import { usePullStore } from './usePullStore';
import './pull.css';

/** The "Pull from CloudWatch" form: groups, range, filter; progress; refresh; too-large ranges. */
export function PullPanel() {
  const store = usePullStore();
  const state = useStore(store);
  const timeZone = useStore(useStores().logs.histogram, (histogram) => histogram.timeZone);
  const running = state.progress?.state === 'running';
  const refreshable = state.groups.some(
    (group) => state.selected.includes(group.name) && group.pulledUntil !== undefined,
  );

  return (
    <section className="pull-panel" aria-label="Pull from CloudWatch">
      <div className="panel-header">
        <h2>Pull from CloudWatch</h2>
      </div>
      <form
        className="pull-form"
        onSubmit={(event) => {
          event.preventDefault();
          void state.pull();
        }}
      >
        <fieldset className="pull-groups">
          <legend>Log groups</legend>
          {state.groups.length === 0 && (
            <p className="muted">This environment lists no log groups.</p>
          )}
          {state.groups.map((group) => (
            <label key={group.name} className="pull-group">
              <input
                type="checkbox"
                checked={state.selected.includes(group.name)}
                onChange={() => state.toggleGroup(group.name)}
              />
              <span className="pull-group-name">{group.name}</span>
              <span className="muted pull-group-meta">
                {group.unfinished
                  ? 'unfinished: pull to resume'
                  : group.pulledUntil !== undefined
                    ? `pulled to ${formatEventTime(group.pulledUntil, timeZone).slice(0, 16)}`
                    : group.storedBytes !== undefined
                      ? `${formatBytes(group.storedBytes)} stored`
                      : ''}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="pull-field">
          Range
          <select
            data-testid="pull-range"
            value={state.rangeChoice}
            onChange={(event) => state.setRangeChoice(event.target.value as PullRangeChoice)}
          >
            {PULL_RANGES.map((choice) => (
              <option key={choice} value={choice}>
                {PULL_RANGE_LABELS[choice]}
              </option>
            ))}
          </select>
        </label>
        {state.rangeChoice === 'custom' && (
          <div className="pull-custom">
            <input
              type="datetime-local"
              aria-label="Pull from"
              value={state.custom.from}
              onChange={(event) => state.setCustom({ from: event.target.value })}
            />
            <input
              type="datetime-local"
              aria-label="Pull until"
              value={state.custom.to}
              onChange={(event) => state.setCustom({ to: event.target.value })}
            />
            <span className="muted">{timeZone}</span>
          </div>
        )}
        <label className="pull-field">
          Filter pattern
          <input
            type="text"
            placeholder='optional, e.g. ERROR or { $.level = "error" }'
            value={state.filterPattern}
            onChange={(event) => state.setFilterPattern(event.target.value)}
          />
        </label>
        <label className="pull-field">
          Stream prefix
          <input
            type="text"
            placeholder="optional, e.g. web/web/"
            value={state.streamPrefix}
            onChange={(event) => state.setStreamPrefix(event.target.value)}
          />
        </label>
        {state.problem && <p className="pull-error">{state.problem}</p>}
        <div className="pull-actions">
          <button type="submit" className="button primary" disabled={running}>
            Pull
          </button>
          <button
            type="button"
            className="button"
            disabled={running || !refreshable}
            title="Pull only what is new since the last pull of the selected groups"
            onClick={() => void state.refresh()}
          >
            Refresh
          </button>
        </div>
      </form>
      {state.estimate?.beyondLocalLimit && (
        <div className="pull-too-large" role="status">
          <p>
            This range holds about {formatBytes(state.estimate.estimatedBytes)}, more than Opsdesk
            indexes on this machine ({formatBytes(state.estimate.localLimitBytes)}). Count it with
            CloudWatch Logs Insights, then pull a narrower range.
          </p>
          <button
            type="button"
            className="button"
            disabled={state.insightsLoading}
            onClick={() => void state.countWithInsights()}
          >
            {state.insightsLoading ? 'Counting…' : 'Count with CloudWatch'}
          </button>
        </div>
      )}
      {state.progress && (
        <PullProgressView progress={state.progress} onCancel={() => void state.cancel()} />
      )}
      <FollowStream logGroups={state.groups.map((group) => group.name)} />
    </section>
  );
}
