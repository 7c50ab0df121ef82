import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../stores/StoresContext';
import { CallerIdentitySummary } from './CallerIdentitySummary';
import './environments.css';

/**
 * The environment switcher of the header, with what must always be in sight:
 * the region, the account, who the caller is, and whether workflows may run.
 */
export function EnvironmentBar() {
  const store = useStores().environments;
  useEffect(() => store.getState().start(), [store]);
  const environments = useStore(store, (state) => state.environments);
  const active = useStore(store, (state) => state.active);
  const switching = useStore(store, (state) => state.switching);

  return (
    <div
      className="environment-bar"
      data-testid="environment-bar"
      data-environment={active?.name}
      aria-busy={switching || undefined}
    >
      <label className="visually-hidden" htmlFor="environment-select">
        Environment
      </label>
      <select
        id="environment-select"
        className="environment-select"
        data-testid="environment-select"
        value={active?.name ?? ''}
        disabled={!active || switching}
        onChange={(event) => void store.getState().activate(event.target.value)}
      >
        {!active && <option value="">Loading environments…</option>}
        {environments.map((environment) => (
          <option key={environment.name} value={environment.name}>
            {environment.label}
          </option>
        ))}
      </select>
      {active?.isSandbox && (
        <span
          className="env-badge env-badge-sandbox"
          data-testid="sandbox-badge"
          title="The built-in sandbox: a local imitation of AWS, no account needed"
        >
          sandbox
        </span>
      )}
      {active?.readOnly && (
        <span
          className="env-badge env-badge-read-only"
          data-testid="read-only-badge"
          title="Read-only: no workflow can start in this environment"
        >
          read-only
        </span>
      )}
      {active && (
        <dl className="environment-facts">
          <div className="environment-fact">
            <dt>Region</dt>
            <dd data-testid="environment-region">{active.region}</dd>
          </div>
          <CallerIdentitySummary expectedAccount={active.accountId} />
        </dl>
      )}
    </div>
  );
}
