/** Where the renderer is hosted: the Electron window or a browser tab in browser mode. */
export type RendererHost = 'electron' | 'browser';

/**
 * The Content-Security-Policy the renderer runs under.
 *
 * Only the app's own scripts and styles load; nothing may be framed, posted or
 * embedded. Browser mode talks to its server with fetch and EventSource on the
 * same origin, so only there may the page connect anywhere, and only to itself.
 */
export function contentSecurityPolicy(host: RendererHost): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${host === 'browser' ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
