import { useState } from 'react';
import type { MfaPrompt } from '../../shared/ipc/channels/environments';
import { PromptDialog } from './PromptDialog';

/** Asks for the current 6-digit code of an MFA device, to assume the environment's role. */
export function MfaDialog({
  prompt,
  environmentLabel,
  sending,
  onAnswer,
  onCancel,
}: {
  prompt: MfaPrompt;
  environmentLabel: string;
  sending: boolean;
  onAnswer(code: string): void;
  onCancel(): void;
}) {
  const [code, setCode] = useState('');
  const complete = /^\d{6}$/.test(code);

  return (
    <PromptDialog title="MFA code needed" testId="mfa-dialog" onCancel={onCancel}>
      <p>
        To sign in to <strong>{environmentLabel}</strong>, enter the code your MFA device shows now.
      </p>
      <p className="prompt-detail">
        Device <code>{prompt.serialNumber}</code>
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (complete && !sending) onAnswer(code);
        }}
      >
        <label className="prompt-field">
          <span>6-digit code</span>
          <input
            className="mfa-code-input"
            data-testid="mfa-code-input"
            autoFocus
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
          />
        </label>
        <div className="prompt-actions">
          <button type="button" className="button" onClick={onCancel} disabled={sending}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="mfa-submit"
            disabled={!complete || sending}
          >
            Sign in
          </button>
        </div>
      </form>
    </PromptDialog>
  );
}
