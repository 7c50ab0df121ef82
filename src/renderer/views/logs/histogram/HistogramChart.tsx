import { useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceArea,
  Tooltip,
  XAxis,
  YAxis,
  type MouseHandlerDataParam,
} from 'recharts';
import type { Histogram } from '../../../../shared/logs';
import { bucketsBetween, histogramRows, type HistogramRow } from '../model/histogramRows';
import { LEVEL_COLOURS, STACK_ORDER } from '../model/levels';
import { histogramTicks } from '../model/histogramTicks';
import { formatBucketTick, tickStyle } from '../model/timeFormat';
import { HistogramTooltip } from './HistogramTooltip';

const compactCount = new Intl.NumberFormat('en-US', { notation: 'compact' });

/** Buckets held between mouse down and mouse up, as indexes into the rows. */
interface Drag {
  anchor: number;
  current: number;
}

/**
 * The stacked bar chart. A click selects one bucket, a drag across bars
 * selects the buckets it spans; either becomes the search's time range.
 */
export function HistogramChart({
  histogram,
  onRange,
}: {
  histogram: Histogram;
  onRange(buckets: HistogramRow[]): void;
}) {
  const rows = useMemo(() => histogramRows(histogram), [histogram]);
  const { ticks, style } = useMemo(() => {
    const starts = rows.map((row) => row.start);
    const picked = histogramTicks(starts, histogram.bucket, histogram.timeZone);
    return {
      ticks: picked,
      style: tickStyle(starts, picked, histogram.bucket, histogram.timeZone),
    };
  }, [rows, histogram]);
  const [drag, setDrag] = useState<Drag | null>(null);

  const indexAt = (state: MouseHandlerDataParam): number | undefined => {
    const index = Number(state.activeTooltipIndex ?? state.activeIndex);
    return Number.isInteger(index) && index >= 0 && index < rows.length ? index : undefined;
  };

  const tick = (start: number) =>
    formatBucketTick(start, histogram.bucket, histogram.timeZone, style);
  const selected = drag ? bucketsBetween(rows, drag.anchor, drag.current) : [];

  return (
    <BarChart
      responsive
      style={{ width: '100%', height: '100%', cursor: 'pointer', userSelect: 'none' }}
      data={rows}
      margin={{ top: 6, right: 12, bottom: 0, left: 0 }}
      barCategoryGap="12%"
      onMouseDown={(state) => {
        const index = indexAt(state);
        if (index !== undefined) setDrag({ anchor: index, current: index });
      }}
      onMouseMove={(state) => {
        const index = indexAt(state);
        if (drag && index !== undefined && index !== drag.current)
          setDrag({ ...drag, current: index });
      }}
      onMouseUp={() => {
        if (!drag) return;
        setDrag(null);
        onRange(bucketsBetween(rows, drag.anchor, drag.current));
      }}
      onMouseLeave={() => setDrag(null)}
    >
      <CartesianGrid vertical={false} stroke="#e8ebf0" />
      <XAxis
        dataKey="start"
        ticks={ticks}
        interval={0}
        tickFormatter={tick}
        tickLine={false}
        axisLine={{ stroke: '#d5dae1' }}
        tick={{ fontSize: 11, fill: '#5b6472' }}
      />
      <YAxis
        width={40}
        allowDecimals={false}
        tickFormatter={(count: number) => compactCount.format(count)}
        tickLine={false}
        axisLine={false}
        tick={{ fontSize: 11, fill: '#5b6472' }}
      />
      <Tooltip
        isAnimationActive={false}
        cursor={{ fill: 'rgba(37, 99, 235, 0.08)' }}
        content={({ active, activeIndex }) => (
          <HistogramTooltip
            row={active ? rows[Number(activeIndex)] : undefined}
            bucket={histogram.bucket}
            timeZone={histogram.timeZone}
          />
        )}
      />
      {STACK_ORDER.map((level) => (
        <Bar
          key={level}
          dataKey={level}
          stackId="levels"
          fill={LEVEL_COLOURS[level]}
          isAnimationActive={false}
        />
      ))}
      {selected.length > 0 && (
        <ReferenceArea
          x1={selected[0].start}
          x2={selected[selected.length - 1].start}
          fill="#2563eb"
          fillOpacity={0.12}
          stroke="#2563eb"
          strokeOpacity={0.5}
        />
      )}
    </BarChart>
  );
}
