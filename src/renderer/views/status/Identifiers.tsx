import { useState } from 'react';
import { shortCommit, shortDigest } from '../../../shared/status';

/** A value shown short, with the full one on hover and a button that copies it. */
function CopyableId({
  full,
  shown,
  className,
  label,
}: {
  full: string;
  shown: string;
  className: string;
  label: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(full).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    });
  };
  return (
    <span className={`copyable ${className}`} title={full} data-full={full}>
      <code>{shown}</code>
      <button
        type="button"
        className="copy-button"
        aria-label={`Copy ${label} ${full}`}
        onClick={copy}
      >
        {copied ? '✓' : <CopyIcon />}
      </button>
    </span>
  );
}

/** A commit hash, 7 characters shown; "unknown commit" said plainly when there is none. */
export function CommitHash({ commitHash }: { commitHash: string | null }) {
  if (!commitHash) {
    return (
      <span className="commit-unknown" data-testid="commit" data-commit="">
        unknown commit
      </span>
    );
  }
  return (
    <span data-testid="commit" data-commit={commitHash}>
      <CopyableId
        full={commitHash}
        shown={shortCommit(commitHash)}
        className="commit"
        label="commit"
      />
    </span>
  );
}

/** An image digest, `sha256:` and 12 characters shown. */
export function ImageDigest({ imageDigest }: { imageDigest: string | null }) {
  if (!imageDigest) return <span className="muted">digest not reported yet</span>;
  return (
    <CopyableId
      full={imageDigest}
      shown={`${shortDigest(imageDigest)}…`}
      className="digest"
      label="digest"
    />
  );
}

/** Two overlapping sheets, drawn so it shows whatever fonts the system has. */
function CopyIcon() {
  return (
    <svg width="11" height="11" viewBox="0 0 16 16" aria-hidden="true">
      <rect
        x="5"
        y="5"
        width="9"
        height="9"
        rx="1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
      <path
        d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H11"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  );
}
