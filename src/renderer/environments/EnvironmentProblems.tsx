import { useStore } from 'zustand';
import { useStores } from '../stores/StoresContext';

/** What was wrong in the environments files; the environments affected are left out. */
export function EnvironmentProblems() {
  const problems = useStore(useStores().environments, (state) => state.problems);
  if (problems.length === 0) return null;

  const count = problems.length === 1 ? 'A problem' : `${problems.length} problems`;
  return (
    <details className="warning-band environment-problems" data-testid="environment-problems">
      <summary>
        {count} in the environments files: the environments concerned are not offered.
      </summary>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </details>
  );
}
