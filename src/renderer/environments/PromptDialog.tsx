import { useId, type ReactNode } from 'react';

/**
 * A modal dialog over the whole window, for what the main process must ask
 * before it can go on; Escape counts as cancel.
 */
export function PromptDialog({
  title,
  testId,
  onCancel,
  children,
}: {
  title: string;
  testId: string;
  onCancel(): void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <div className="prompt-backdrop">
      <div
        className="prompt-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
