import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsdeskBridge } from '../../shared/ipc/api';
import type { MfaPrompt, SsoLoginPrompt } from '../../shared/ipc/channels/environments';
import type { Result } from '../../shared/result';
import type { ReportFailure } from '../stores/noticeStore';

/** The MFA codes and sign-ins the main process is waiting for, and how to answer them. */
export interface CredentialPromptState {
  mfa: MfaPrompt[];
  ssoLogins: SsoLoginPrompt[];
  /** An answer is on its way; the dialog waits for it. */
  sending: boolean;
  load(): Promise<void>;
  answerMfa(requestId: string, code: string): Promise<void>;
  cancelMfa(requestId: string): Promise<void>;
  openSsoPage(loginId: string): Promise<void>;
  cancelSsoLogin(loginId: string): Promise<void>;
  /** Listens for new and settled prompts; returns how to stop. */
  start(): () => void;
}

/**
 * Creates the store behind the MFA and IAM Identity Center dialogs.
 *
 * Prompts come as events; the ones asked before this window listened are
 * loaded at start. A prompt leaves when the main process says it settled,
 * which also closes it in every other window.
 */
export function createCredentialPromptStore(
  api: Pick<OpsdeskBridge, 'env'>,
  report: ReportFailure,
): StoreApi<CredentialPromptState> {
  return createStore<CredentialPromptState>()((set, get) => {
    const send = async (call: Promise<Result<null>>) => {
      set({ sending: true });
      const result = await call;
      set({ sending: false });
      if (!result.ok) report(result.error);
    };

    const addMfa = (prompt: MfaPrompt) =>
      set(({ mfa }) => ({
        mfa: [...mfa.filter((known) => known.requestId !== prompt.requestId), prompt],
      }));
    const addLogin = (prompt: SsoLoginPrompt) =>
      set(({ ssoLogins }) => ({
        ssoLogins: [...ssoLogins.filter((known) => known.loginId !== prompt.loginId), prompt],
      }));

    return {
      mfa: [],
      ssoLogins: [],
      sending: false,

      async load() {
        const result = await api.env.prompts();
        if (!result.ok) return report(result.error);
        result.value.mfa.forEach(addMfa);
        result.value.ssoLogins.forEach(addLogin);
      },

      answerMfa: (requestId, code) => send(api.env.answerMfa({ requestId, code })),
      cancelMfa: (requestId) => send(api.env.cancelMfa({ requestId })),
      openSsoPage: (loginId) => send(api.env.openSsoPage({ loginId })),
      cancelSsoLogin: (loginId) => send(api.env.cancelSsoLogin({ loginId })),

      start() {
        const stops = [
          api.env.onMfaRequested(addMfa),
          api.env.onMfaSettled(({ requestId }) =>
            set(({ mfa }) => ({ mfa: mfa.filter((known) => known.requestId !== requestId) })),
          ),
          api.env.onSsoLogin(addLogin),
          api.env.onSsoLoginEnded(({ loginId, outcome, message }) => {
            set(({ ssoLogins }) => ({
              ssoLogins: ssoLogins.filter((known) => known.loginId !== loginId),
            }));
            if (outcome === 'failed')
              report(message ?? 'Signing in to IAM Identity Center failed.');
          }),
        ];
        void get().load();
        return () => stops.forEach((stop) => stop());
      },
    };
  });
}
