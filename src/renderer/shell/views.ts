/** The views of the app, in navigation order; only the ones with `ready` can be opened. */
export const VIEWS = [
  { id: 'logs', label: 'Logs', ready: true },
  { id: 'status', label: 'Status', ready: false },
  { id: 'workflows', label: 'Workflows', ready: false },
  { id: 'journal', label: 'Journal', ready: false },
] as const;

/** Identifier of a view. */
export type ViewId = (typeof VIEWS)[number]['id'];
