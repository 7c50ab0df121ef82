import { useStore } from 'zustand';
import { useStores } from '../stores/StoresContext';

/**
 * The account and caller ARN of the active environment, as STS reports them.
 *
 * Until STS answers, the account the profile names is shown; when STS names
 * another account, that is flagged, since every action would land there.
 */
export function CallerIdentitySummary({ expectedAccount }: { expectedAccount?: string }) {
  const store = useStores().environments;
  const identity = useStore(store, (state) => state.identity);
  const status = useStore(store, (state) => state.identityStatus);
  const failure = useStore(store, (state) => state.identityError);
  const wrongAccount = identity && expectedAccount && identity.account !== expectedAccount;

  return (
    <>
      <div className="environment-fact">
        <dt>Account</dt>
        <dd data-testid="environment-account">
          {identity?.account ?? expectedAccount ?? '—'}
          {wrongAccount && (
            <span
              className="env-badge env-badge-warning"
              data-testid="wrong-account-badge"
              title={`The profile says account ${expectedAccount}, but the credentials are for ${identity.account}.`}
            >
              not {expectedAccount}
            </span>
          )}
        </dd>
      </div>
      <div className="environment-fact environment-caller">
        <dt>Caller</dt>
        <dd data-testid="caller-arn" data-status={status} title={identity?.arn ?? failure ?? ''}>
          {status === 'known' && identity && (
            <span className="caller-arn">
              <bdi dir="ltr">{identity.arn}</bdi>
            </span>
          )}
          {status === 'loading' && <span className="muted">checking…</span>}
          {status === 'failed' && (
            <>
              <span className="caller-unknown">unknown</span>
              <button
                type="button"
                className="button subtle"
                onClick={() => void store.getState().loadIdentity()}
              >
                Try again
              </button>
            </>
          )}
        </dd>
      </div>
    </>
  );
}
