import { useStore } from 'zustand';
import { compareCommits } from '../../../../shared/workflows';
import { useStores } from '../../../stores/StoresContext';
import { clockTime } from '../model/runText';

/**
 * The approver's screen: the build's commit hash, the image's tags and
 * digest, and the reviewed commit to enter; match and mismatch are shown
 * unmistakably, and only a match can approve.
 */
export function ApprovalPanel({ imageDigest }: { imageDigest: string }) {
  const stores = useStores().workflows;
  const build = useStore(stores.workflows, (state) =>
    state.builds.find((candidate) => candidate.imageDigest === imageDigest),
  );
  const approvalState = useStore(stores.approval);
  if (!build) return <div className="workflows-empty muted">This build is not known here.</div>;

  const approval = approvalState.approval ?? build.approval;
  const entered = approvalState.reviewedCommit.trim();
  const comparison = entered ? compareCommits(build.commitHash, entered) : null;

  return (
    <div className="approval-panel" data-testid="approval-panel">
      <header className="panel-header">
        <h2>Approve a build for deploy</h2>
        <span className="muted">built {clockTime(build.endedAt)}</span>
      </header>
      <dl className="approval-facts">
        <dt>Commit the build reports</dt>
        <dd className="mono commit-hash" data-testid="approval-commit">
          {build.commitHash}
        </dd>
        <dt>Image digest</dt>
        <dd className="mono" data-testid="approval-digest">
          {build.imageDigest}
        </dd>
        <dt>Image tags</dt>
        <dd className="mono" data-testid="approval-tags">
          {build.tags.length ? build.tags.join(', ') : 'none'}
        </dd>
      </dl>

      {approval ? (
        <div className="comparison comparison-match" data-testid="approval-done">
          ✔ Approved by <span className="mono">{approval.approvedBy}</span> at{' '}
          {clockTime(approval.approvedAt)} (reviewed {approval.reviewedCommit}). Deploy can now pick
          this digest.
        </div>
      ) : (
        <>
          <div className="form-field">
            <label htmlFor="reviewed-commit">
              Reviewed commit: the full hash, or at least its first 7 characters
            </label>
            <input
              id="reviewed-commit"
              type="text"
              className="text-input mono"
              data-testid="reviewed-commit"
              autoComplete="off"
              spellCheck={false}
              value={approvalState.reviewedCommit}
              onChange={(event) => approvalState.setReviewedCommit(event.target.value)}
            />
          </div>
          {comparison && (
            <div
              className={`comparison comparison-${comparison.outcome}`}
              data-testid="commit-comparison"
              data-outcome={comparison.outcome}
              role="status"
            >
              {comparison.outcome === 'match' &&
                '✔ MATCH: the build was made from the reviewed commit.'}
              {comparison.outcome === 'mismatch' &&
                `✖ MISMATCH: ${comparison.reason} Do not approve.`}
              {comparison.outcome === 'invalid' && comparison.reason}
            </div>
          )}
          <button
            type="button"
            className="button primary"
            data-testid="approve-button"
            disabled={comparison?.outcome !== 'match' || approvalState.busy}
            onClick={() => void approvalState.approve(build.imageDigest)}
          >
            Approve this digest for deploy
          </button>
          {approvalState.error && (
            <p className="form-error" role="alert">
              {approvalState.error}
            </p>
          )}
        </>
      )}
    </div>
  );
}
