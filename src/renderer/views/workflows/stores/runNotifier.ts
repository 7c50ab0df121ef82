import type { WorkflowRun } from '../../../../shared/workflows';
import { runEndedTitle } from '../model/runText';

/** What the notifier needs of the window; tests pass a fake. */
export interface NotifierWindow {
  document: { title: string; hidden: boolean };
  Notification?: {
    permission: NotificationPermission;
    requestPermission(): Promise<NotificationPermission>;
    new (title: string, options?: NotificationOptions): unknown;
  };
}

/** Tells the operator a run ended, also when the window is in the background. */
export interface RunNotifier {
  /** Asks for permission to show desktop notifications; call it on a click. */
  askPermission(): void;
  runEnded(run: WorkflowRun): void;
  /** Puts the window's own title back once the operator has seen the outcome. */
  seen(): void;
}

/**
 * Creates the notifier: the window title always changes (browser mode shows
 * it on the tab), and a desktop notification is shown where permission was
 * given: Electron grants it, a browser asks. The banner is the store's job.
 */
export function createRunNotifier(target: NotifierWindow): RunNotifier {
  const ownTitle = target.document.title;
  return {
    askPermission() {
      if (target.Notification?.permission === 'default') {
        void target.Notification.requestPermission().catch(() => undefined);
      }
    },
    runEnded(run) {
      const title = runEndedTitle(run);
      target.document.title = title;
      if (target.Notification?.permission === 'granted') {
        try {
          new target.Notification(title.replace(/ — Opsdesk$/, ''), {
            body: run.message,
            tag: run.runId,
          });
        } catch {
          // Some browsers refuse notifications outside a service worker; the title still tells.
        }
      }
    },
    seen() {
      target.document.title = ownTitle;
    },
  };
}
