import type { RepositoryStatus } from '../../../shared/status';
import { COMMIT_HASH_PATTERN } from '../../../shared/status';
import { CommitHash, ImageDigest } from './Identifiers';
import { shortDateTime } from '../../format/dateTime';
import { byteSize } from './model/statusFormat';

/** Per repository, its images newest first; the ones whose digest runs now are marked. */
export function ImagesSection({
  repositories,
  now,
}: {
  repositories: RepositoryStatus[];
  now: number;
}) {
  return (
    <section className="status-section" aria-label="Images">
      <h2>Images</h2>
      {repositories.map((repository) => (
        <div key={repository.repositoryName} className="status-panel" data-testid="repository">
          <h3>{repository.repositoryName}</h3>
          {repository.problem && <p className="section-problem">{repository.problem}</p>}
          {repository.images.length > 0 && (
            <table className="status-table">
              <thead>
                <tr>
                  <th>Commit</th>
                  <th>Digest</th>
                  <th>Other tags</th>
                  <th>Pushed</th>
                  <th className="number">Size</th>
                  <th>Running in</th>
                </tr>
              </thead>
              <tbody>
                {repository.images.map((image) => (
                  <tr
                    key={image.imageDigest}
                    data-testid="image-row"
                    data-digest={image.imageDigest}
                    data-running={image.runningIn.join(',')}
                    className={image.runningIn.length > 0 ? 'image-running' : undefined}
                  >
                    <td>
                      <CommitHash commitHash={image.commitHash} />
                    </td>
                    <td>
                      <ImageDigest imageDigest={image.imageDigest} />
                    </td>
                    <td>
                      {image.tags
                        .filter((tag) => !COMMIT_HASH_PATTERN.test(tag))
                        .map((tag) => (
                          <span key={tag} className="tag">
                            {tag}
                          </span>
                        ))}
                    </td>
                    <td>{shortDateTime(image.pushedAt, now)}</td>
                    <td className="number">{byteSize(image.sizeBytes)}</td>
                    <td>
                      {image.runningIn.length > 0 ? (
                        <span className="running-marker">● {image.runningIn.join(', ')}</span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
