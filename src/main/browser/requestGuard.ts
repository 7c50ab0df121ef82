import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Whether the Host header names this server on loopback.
 *
 * A page on another site can make its own name resolve to 127.0.0.1 (DNS
 * rebinding); its requests then carry that name as Host, and are refused.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Whether an Origin header, when the browser sent one, is this server's own. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * The access token a request presents.
 *
 * Requests carry it as a Bearer header. EventSource cannot set headers, so
 * the event stream alone may carry it in the query string instead.
 */
export function presentedToken(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  if (url.pathname === '/api/events') return url.searchParams.get('token') ?? undefined;
  return undefined;
}

/** Compares tokens in constant time, so timing reveals nothing of the right one. */
export function isRightToken(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
