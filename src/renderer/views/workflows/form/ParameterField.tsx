import type { ParameterOption, WorkflowSummary } from '../../../../shared/workflows';

type Parameter = WorkflowSummary['parameters'][number];

function optionText(option: ParameterOption): string {
  const note = option.unavailableReason
    ? ` (${option.unavailableReason})`
    : option.approval
      ? ' (approved)'
      : '';
  return `${option.label}${note}`;
}

/**
 * One parameter: a list to pick from, or free text only for a git ref, which
 * no list can hold. Options that cannot be picked now show why, greyed out.
 */
export function ParameterField({
  parameter,
  value,
  options,
  disabled,
  onChange,
}: {
  parameter: Parameter;
  value: string;
  options: ParameterOption[] | undefined;
  disabled: boolean;
  onChange(value: string): void;
}) {
  const id = `parameter-${parameter.name}`;
  const picked = options?.find((option) => option.value === value);

  return (
    <div className="form-field">
      <label htmlFor={id}>{parameter.label}</label>
      {parameter.source === 'git-ref' ? (
        <input
          id={id}
          type="text"
          className="text-input mono"
          data-testid={`parameter-${parameter.name}`}
          placeholder="main, v1.4.2 or a commit hash"
          value={value}
          disabled={disabled}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <select
          id={id}
          data-testid={`parameter-${parameter.name}`}
          value={value}
          disabled={disabled || !options}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">
            {options
              ? `Pick ${parameter.source === 'image' ? 'an' : 'a'} ${parameter.source}…`
              : 'Loading…'}
          </option>
          {options?.map((option) => (
            <option
              key={option.value}
              value={option.value}
              disabled={Boolean(option.unavailableReason)}
            >
              {optionText(option)}
            </option>
          ))}
        </select>
      )}
      {picked && (
        <div className="field-detail mono" data-testid="parameter-detail">
          {picked.detail}
        </div>
      )}
      {options && options.length === 0 && (
        <div className="field-detail muted">Nothing to pick in this environment.</div>
      )}
    </div>
  );
}
