import { memo } from 'react';
import type { FieldValue, LogRow } from '../../../../shared/logs';
import { formatEventTime } from '../model/timeFormat';
import { BidiText } from './BidiText';

/** Fields shown as chips on a row; the detail panel shows them all. */
const CHIPS_SHOWN = 8;

function rowStyle(top: number) {
  return { transform: `translateY(${top}px)` };
}

/** One field as a compact `key=value` chip. */
export function FieldChip({ name, value }: { name: string; value: FieldValue }) {
  return (
    <span className="chip" title={`${name}=${String(value)}`}>
      <span className="chip-key">{name}</span>=
      <span className="chip-value">
        <BidiText text={String(value)} />
      </span>
    </span>
  );
}

/** A level as a coloured badge. */
export function LevelBadge({ level }: { level: string }) {
  return <span className={`level-badge level-${level}`}>{level}</span>;
}

/** One matching event on one line: time, level, source, message, fields. */
export const ResultRow = memo(function ResultRow({
  index,
  row,
  top,
  timeZone,
  sourceName,
  selected,
  open,
  onOpen,
}: {
  index: number;
  row: LogRow;
  /** Offset from the top of the list, px. */
  top: number;
  timeZone: string;
  sourceName: string;
  selected: boolean;
  open: boolean;
  onOpen(index: number): void;
}) {
  const fields = Object.entries(row.fields);
  return (
    <div
      id={`result-${index}`}
      className={`result-row${open ? ' open' : ''}`}
      role="option"
      aria-selected={selected}
      data-testid="result-row"
      data-id={row.id}
      style={rowStyle(top)}
      onClick={() => onOpen(index)}
    >
      <span className="cell-time">{formatEventTime(row.time, timeZone)}</span>
      <span className="cell-level">
        <LevelBadge level={row.level} />
      </span>
      <span className="cell-source" title={sourceName}>
        {sourceName}
      </span>
      <span className="cell-body">
        <span className="cell-message" data-testid="row-message">
          <BidiText text={row.message} />
        </span>
        {fields.length > 0 && (
          <span className="cell-fields">
            {fields.slice(0, CHIPS_SHOWN).map(([name, value]) => (
              <FieldChip key={name} name={name} value={value} />
            ))}
            {fields.length > CHIPS_SHOWN && (
              <span className="chip more">+{fields.length - CHIPS_SHOWN}</span>
            )}
          </span>
        )}
      </span>
    </div>
  );
});

/** A row whose page is still being fetched. */
export function RowPlaceholder({ top }: { top: number }) {
  return (
    <div className="result-row placeholder" aria-hidden="true" style={rowStyle(top)}>
      <span className="skeleton" />
    </div>
  );
}
