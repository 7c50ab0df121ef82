import { useStore } from 'zustand';
import { CredentialPrompts } from '../environments/CredentialPrompts';
import { EnvironmentBar } from '../environments/EnvironmentBar';
import { EnvironmentProblems } from '../environments/EnvironmentProblems';
import { useStores } from '../stores/StoresContext';

/**
 * The header: the current view's title, the active environment, and how the app is served.
 *
 * Below it, problems in the environments files; over everything, the MFA and
 * sign-in prompts the active environment's credentials wait for.
 */
export function AppHeader({ title }: { title: string }) {
  const info = useStore(useStores().appInfo, (state) => state.info);

  return (
    <>
      <header className="app-header">
        <h1>{title}</h1>
        <EnvironmentBar />
        {info && (
          <span
            className={`mode-badge mode-${info.mode}`}
            title={info.modeReason ?? `Opsdesk ${info.version} on ${info.platform}`}
          >
            {info.mode === 'electron' ? 'Desktop app' : 'Browser mode'}
            <span className="mode-version">v{info.version}</span>
          </span>
        )}
      </header>
      <EnvironmentProblems />
      <CredentialPrompts />
    </>
  );
}
