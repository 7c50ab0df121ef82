import { useState } from 'react';

/**
 * "Stop task", asked twice: stopping kills the task where it stands, so the
 * operator confirms before the request goes out.
 */
export function StopTaskButton({ label, onStop }: { label: string; onStop(): void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button danger-outline"
        data-testid="stop-button"
        onClick={() => setAsking(true)}
      >
        Stop task
      </button>
    );
  }
  return (
    <span
      className="stop-confirm"
      role="group"
      aria-label="Confirm stop"
      data-testid="stop-confirm"
    >
      <span>Stop {label} now? It ends as stopped.</span>
      <button
        type="button"
        className="button primary danger"
        data-testid="stop-confirm-button"
        onClick={() => {
          setAsking(false);
          onStop();
        }}
      >
        Stop it
      </button>
      <button
        type="button"
        className="button"
        data-testid="stop-cancel-button"
        onClick={() => setAsking(false)}
      >
        Keep running
      </button>
    </span>
  );
}
