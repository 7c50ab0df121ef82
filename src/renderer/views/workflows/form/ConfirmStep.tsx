import type { RunPlan } from '../../../../shared/workflows';

/** The summary of exactly what will happen, then the confirmation the workflow asks for. */
export function ConfirmStep({
  plan,
  confirmed,
  typedEnvironmentName,
  disabled,
  onConfirmed,
  onTyped,
}: {
  plan: RunPlan;
  confirmed: boolean;
  typedEnvironmentName: string;
  disabled: boolean;
  onConfirmed(confirmed: boolean): void;
  onTyped(text: string): void;
}) {
  return (
    <div className="plan" data-testid="plan-summary">
      <h3>What will happen</h3>
      <ul>
        {plan.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {plan.confirmation === 'confirm' && (
        <label className="confirm-check">
          <input
            type="checkbox"
            data-testid="confirm-checkbox"
            checked={confirmed}
            disabled={disabled}
            onChange={(event) => onConfirmed(event.target.checked)}
          />
          I have read the summary; start it.
        </label>
      )}
      {plan.confirmation === 'type-environment-name' && (
        <div className="confirm-type">
          <label htmlFor="typed-environment">
            This cannot be undone. Type the environment&apos;s name,{' '}
            <strong className="mono">{plan.environmentName}</strong>, to confirm.
          </label>
          <input
            id="typed-environment"
            type="text"
            className="text-input mono"
            data-testid="confirm-environment-name"
            autoComplete="off"
            spellCheck={false}
            value={typedEnvironmentName}
            disabled={disabled}
            onChange={(event) => onTyped(event.target.value)}
          />
        </div>
      )}
    </div>
  );
}
