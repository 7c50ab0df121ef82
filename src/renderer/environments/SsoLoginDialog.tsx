import type { SsoLoginPrompt } from '../../shared/ipc/channels/environments';
import { PromptDialog } from './PromptDialog';

const clockTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * Shows the IAM Identity Center code and page while the main process waits
 * for the user to confirm the sign-in in a browser.
 *
 * Electron opens the page in the system browser through the main process;
 * a browser tab gets a plain link, since a page cannot open another program.
 */
export function SsoLoginDialog({
  login,
  environmentLabel,
  sending,
  onOpen,
  onCancel,
}: {
  login: SsoLoginPrompt;
  environmentLabel: string;
  sending: boolean;
  onOpen(): void;
  onCancel(): void;
}) {
  return (
    <PromptDialog
      title="Sign in with IAM Identity Center"
      testId="sso-login-dialog"
      onCancel={onCancel}
    >
      <p>
        <strong>{environmentLabel}</strong> needs you to sign in. Open the sign-in page, check that
        it shows this code, and allow access:
      </p>
      <p className="sso-user-code" data-testid="sso-user-code">
        {login.userCode}
      </p>
      <p className="prompt-detail sso-verification">
        {login.canOpen ? (
          <button type="button" className="button primary" onClick={onOpen} disabled={sending}>
            Open the sign-in page
          </button>
        ) : (
          <a
            className="button primary sso-link"
            href={login.verificationUri}
            target="_blank"
            rel="noopener noreferrer"
          >
            Open the sign-in page
          </a>
        )}
        <code className="sso-url" data-testid="sso-verification-uri">
          {login.verificationUri}
        </code>
      </p>
      <p className="sso-waiting" role="status">
        <span className="prompt-spinner" aria-hidden="true" />
        Waiting for the sign-in… the code works until {clockTime.format(login.expiresAt)}.
      </p>
      <div className="prompt-actions">
        <button type="button" className="button" onClick={onCancel} disabled={sending}>
          Cancel
        </button>
      </div>
    </PromptDialog>
  );
}
