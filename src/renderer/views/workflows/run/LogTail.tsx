import { useEffect, useRef } from 'react';
import type { RunLogLine } from '../../../../shared/workflows';
import { clockTime } from '../model/runText';
import { countOf } from '../../../format/plural';

/** The run's log, live: follows the newest line unless the reader scrolled up. */
export function LogTail({ lines, live }: { lines: RunLogLine[]; live: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const element = box.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [lines.length]);

  return (
    <div className="log-tail-panel">
      <h3>
        Log {live && <span className="live-dot" aria-label="live" />}
        <span className="muted"> {countOf(lines.length, 'line')}</span>
      </h3>
      <div
        className="log-tail"
        ref={box}
        data-testid="run-log"
        onScroll={(event) => {
          const element = event.currentTarget;
          following.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 8;
        }}
      >
        {lines.length === 0 && <div className="muted">No log lines yet.</div>}
        {lines.map((line, index) => (
          <div className="log-line" key={index} data-testid="run-log-line">
            <span className="log-time">{clockTime(line.time)}</span>
            <span className="log-message">{line.message}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
