import { VIEWS, type ViewId } from './views';

/** The left navigation: one entry per view; views not built yet say so. */
export function NavBar({ current, onSelect }: { current: ViewId; onSelect(view: ViewId): void }) {
  return (
    <nav className="nav" aria-label="Views">
      <div className="nav-brand">Opsdesk</div>
      <ul>
        {VIEWS.map((view) => (
          <li key={view.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === view.id ? 'page' : undefined}
              disabled={!view.ready}
              title={view.ready ? undefined : 'Not built yet'}
              onClick={() => onSelect(view.id)}
            >
              {view.label}
              {!view.ready && <span className="nav-soon">coming</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
