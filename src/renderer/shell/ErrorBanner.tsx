import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../stores/StoresContext';
import { followActiveEnvironment } from './noticeEnvironment';

/** Failure messages from any call, each dismissible; the view stays usable beneath. */
export function ErrorBanner() {
  const stores = useStores();
  const notices = useStore(stores.notices);
  useEffect(
    () => followActiveEnvironment(stores.environments, stores.notices),
    [stores.environments, stores.notices],
  );
  if (notices.notices.length === 0) return null;

  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      {notices.notices.map((notice) => (
        <div className="error-notice" key={notice.id}>
          <span className="error-icon" aria-hidden="true" />
          <span className="error-message">
            {notice.message}
            {notice.repeats > 1 && <span className="error-repeats"> ×{notice.repeats}</span>}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => notices.dismiss(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
