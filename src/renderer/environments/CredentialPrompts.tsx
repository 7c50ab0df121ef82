import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../stores/StoresContext';
import { MfaDialog } from './MfaDialog';
import { SsoLoginDialog } from './SsoLoginDialog';

/** Shows the oldest credentials prompt the main process is waiting on, if any. */
export function CredentialPrompts() {
  const { credentialPrompts: store, environments } = useStores();
  useEffect(() => store.getState().start(), [store]);
  const known = useStore(environments, (state) => state.environments);
  const labelOf = (name: string) => known.find((entry) => entry.name === name)?.label ?? name;
  const mfa = useStore(store, (state) => state.mfa[0]);
  const login = useStore(store, (state) => state.ssoLogins[0]);
  const sending = useStore(store, (state) => state.sending);
  const actions = store.getState();

  if (mfa) {
    return (
      <MfaDialog
        key={mfa.requestId}
        prompt={mfa}
        environmentLabel={labelOf(mfa.environment)}
        sending={sending}
        onAnswer={(code) => void actions.answerMfa(mfa.requestId, code)}
        onCancel={() => void actions.cancelMfa(mfa.requestId)}
      />
    );
  }
  if (login) {
    return (
      <SsoLoginDialog
        key={login.loginId}
        login={login}
        environmentLabel={labelOf(login.environment)}
        sending={sending}
        onOpen={() => void actions.openSsoPage(login.loginId)}
        onCancel={() => void actions.cancelSsoLogin(login.loginId)}
      />
    );
  }
  return null;
}
