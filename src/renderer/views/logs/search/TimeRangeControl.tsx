import { useStore } from 'zustand';
import { useStores } from '../../../stores/StoresContext';
import { fromDateTimeLocal, toDateTimeLocal } from '../model/timeFormat';
import {
  ALL_TIME,
  customRange,
  isLimited,
  presetRange,
  PRESET_LABELS,
  RANGE_PRESETS,
  type RangePreset,
  type TimeRange,
} from '../model/timeRange';
import { newestEventTime } from '../stores/sourcesStore';

function selectValue(range: TimeRange): string {
  if (range.origin === 'preset' && range.preset) return range.preset;
  return range.origin;
}

/**
 * The time range: presets counted back from the newest event, custom from/until
 * in local time, and Clear. The inputs always show the range in force, whatever
 * set it; an edit applies when the input is left or Enter is pressed.
 */
export function TimeRangeControl() {
  const logs = useStores().logs;
  const range = useStore(logs.search, (state) => state.range);
  const timeZone = useStore(logs.histogram, (state) => state.timeZone);
  const setRange = (next: TimeRange) => logs.search.getState().setRange(next);

  const choosePreset = (value: string) => {
    if (value === 'all') return setRange(ALL_TIME);
    if (!RANGE_PRESETS.includes(value as RangePreset)) return;
    const newest = newestEventTime(logs.sources.getState().sources) ?? Date.now();
    setRange(presetRange(value as RangePreset, newest));
  };

  const applyInput = (side: 'from' | 'to', value: string) => {
    const time = fromDateTimeLocal(value, timeZone);
    const next = side === 'from' ? customRange(time, range.to) : customRange(range.from, time);
    if (next.from !== range.from || next.to !== range.to) setRange(next);
  };

  const dateInput = (side: 'from' | 'to', label: string) => {
    const time = range[side];
    return (
      <input
        key={`${side}-${time ?? 'open'}`}
        type="datetime-local"
        className="range-input"
        aria-label={label}
        title={`${label} (local time, ${timeZone})`}
        defaultValue={time === undefined ? '' : toDateTimeLocal(time, timeZone)}
        onBlur={(event) => applyInput(side, event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') applyInput(side, event.currentTarget.value);
        }}
      />
    );
  };

  return (
    <div className="time-range" role="group" aria-label="Time range">
      <select
        className="range-select"
        aria-label="Time range preset"
        value={selectValue(range)}
        onChange={(event) => choosePreset(event.target.value)}
      >
        <option value="all">All time</option>
        {RANGE_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {PRESET_LABELS[preset]}
          </option>
        ))}
        <option value="custom" disabled>
          Custom
        </option>
        <option value="histogram" disabled>
          From histogram
        </option>
      </select>
      {dateInput('from', 'From')}
      <span className="range-dash">→</span>
      {dateInput('to', 'Until')}
      {isLimited(range) && (
        <button
          type="button"
          className="button subtle"
          data-testid="time-range-clear"
          onClick={() => setRange(ALL_TIME)}
        >
          Clear
        </button>
      )}
    </div>
  );
}
