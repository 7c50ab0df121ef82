import type { RunPhase } from '../../../../shared/workflows';

const MARKS: Record<RunPhase['state'], string> = {
  waiting: '○',
  active: '◐',
  done: '✔',
  failed: '✖',
};

/** The phases of a run in order, each waiting, active, done or failed. */
export function PhaseList({ phases }: { phases: RunPhase[] }) {
  return (
    <ol className="phase-list" aria-label="Phases">
      {phases.map((phase) => (
        <li
          key={phase.id}
          className={`phase phase-${phase.state}`}
          data-testid="run-phase"
          data-state={phase.state}
        >
          <span className="phase-mark" aria-hidden="true">
            {MARKS[phase.state]}
          </span>
          {phase.label}
        </li>
      ))}
    </ol>
  );
}
