import { fail, type Result } from '../../shared/result';

/** How the renderer reaches the browser-mode server; tests pass fakes. */
export interface ServerConnection {
  fetch: typeof fetch;
  /** The server's origin, e.g. `http://127.0.0.1:43117`. */
  origin: string;
  /** The access token of this start, or undefined when the tab has none. */
  token: string | undefined;
}

const NO_TOKEN = fail(
  'invalid-request',
  'This tab has no access token: open the URL Opsdesk printed when it started.',
);

const UNREACHABLE = fail(
  'internal',
  'Opsdesk is not reachable: its browser-mode server may have stopped. Start it again with npm start.',
);

/**
 * Posts a body to the server and returns the Result it answers with.
 *
 * Whatever goes wrong (no token, no server, an answer that is not a Result)
 * comes back as a failed Result, never as an exception.
 */
export async function postForResult(
  connection: ServerConnection,
  pathAndQuery: string,
  body: BodyInit,
  contentType: string,
): Promise<Result<unknown>> {
  if (!connection.token) return NO_TOKEN;

  let response: Response;
  try {
    response = await connection.fetch(new URL(pathAndQuery, connection.origin), {
      method: 'POST',
      headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': contentType },
      body,
      cache: 'no-store',
    });
  } catch {
    return UNREACHABLE;
  }

  const answer: unknown = await response.json().catch(() => undefined);
  if (isResult(answer)) return answer;
  return fail('internal', `Opsdesk's server answered HTTP ${response.status} without a result.`);
}

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'ok') === 'boolean'
  );
}
