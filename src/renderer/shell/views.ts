/** The views of the app, in navigation order; only the ones with `ready` can be opened. */
export const VIEWS = [
  { id: 'status', label: 'Status', ready: true },
  { id: 'logs', label: 'Logs', ready: true },
  { id: 'workflows', label: 'Workflows', ready: true },
  { id: 'journal', label: 'Journal', ready: true },
] as const;

/** Identifier of a view. */
export type ViewId = (typeof VIEWS)[number]['id'];
