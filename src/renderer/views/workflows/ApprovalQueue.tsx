import { useStore } from 'zustand';
import { useStores } from '../../stores/StoresContext';
import { SideItem } from './SideItem';

/** Builds whose image waits for an approver, and the ones already approved. */
export function ApprovalQueue() {
  const stores = useStores().workflows;
  const builds = useStore(stores.workflows, (state) => state.builds);
  const select = useStore(stores.workflows, (state) => state.select);
  const reset = useStore(stores.approval, (state) => state.reset);
  if (builds.length === 0) return null;

  return (
    <section className="side-section" aria-label="Builds to approve">
      <h2>Builds to approve</h2>
      <ul className="side-list">
        {builds.map((build) => (
          <li key={build.runId}>
            <SideItem
              data-testid="build-item"
              data-approved={build.approval ? 'true' : 'false'}
              onClick={() => {
                reset();
                select({ type: 'approve', imageDigest: build.imageDigest });
              }}
              badge={
                <span
                  className={`status-pill ${build.approval ? 'pill-succeeded' : 'pill-waiting'}`}
                >
                  {build.approval ? 'approved' : 'waiting'}
                </span>
              }
              detail={`${build.imageDigest.slice(0, 19)}…`}
              mono
            >
              {build.commitHash.slice(0, 12)}
            </SideItem>
          </li>
        ))}
      </ul>
    </section>
  );
}
