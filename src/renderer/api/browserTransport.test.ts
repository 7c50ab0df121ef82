import { describe, expect, it, vi } from 'vitest';
import { buildApi } from '../../shared/ipc/api';
import { createBrowserTransport, type EventStream } from './browserTransport';
import type { ServerConnection } from './serverConnection';
import { createUploadBridge } from './uploadBridge';

const ORIGIN = 'http://127.0.0.1:4000';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function connectionAnswering(answer: () => Promise<Response>, withToken = true) {
  const fetch = vi.fn<typeof globalThis.fetch>(answer);
  const connection: ServerConnection = {
    fetch,
    origin: ORIGIN,
    token: withToken ? 'tok' : undefined,
  };
  return { connection, fetch };
}

/** An event stream whose events the test fires by hand. */
function fakeEventStreams() {
  const opened: string[] = [];
  const handlers = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  const stream: EventStream = {
    addEventListener: (type, listener) =>
      handlers.set(type, [...(handlers.get(type) ?? []), listener]),
  };
  const fire = (type: string, data: string) =>
    handlers.get(type)?.forEach((listener) => listener({ data } as MessageEvent<string>));
  const open = (url: string) => {
    opened.push(url);
    return stream;
  };
  return { open, opened, fire };
}

describe('browser transport: requests', () => {
  it('posts the request as JSON with the token, to the channel named by the API', async () => {
    const { connection, fetch } = connectionAnswering(async () =>
      jsonResponse(200, { ok: true, value: { total: 3 } }),
    );
    const api = buildApi(createBrowserTransport(connection, fakeEventStreams().open));

    const answer = await api.logs.search({ query: 'status:404' });

    expect(answer).toEqual({ ok: true, value: { total: 3 } });
    const [url, init] = fetch.mock.calls[0];
    expect(String(url)).toBe(`${ORIGIN}/api/invoke/logs%3Asearch`);
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"query":"status:404"}');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok' });
  });

  it('returns the failed Result the server answers, even with an HTTP error status', async () => {
    const failure = { ok: false, error: { code: 'invalid-request', message: 'Missing token' } };
    const { connection } = connectionAnswering(async () => jsonResponse(401, failure));
    const transport = createBrowserTransport(connection, fakeEventStreams().open);

    expect(await transport.invoke('logs:sources', {})).toEqual(failure);
  });

  it('turns a network error into a failed Result instead of throwing', async () => {
    const { connection } = connectionAnswering(async () => {
      throw new TypeError('Failed to fetch');
    });
    const answer = await createBrowserTransport(connection, fakeEventStreams().open).invoke(
      'app:info',
      {},
    );

    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/not reachable/);
  });

  it('turns an answer that is not a Result into a failed Result naming the status', async () => {
    const { connection } = connectionAnswering(async () => new Response('<html>', { status: 502 }));
    const answer = await createBrowserTransport(connection, fakeEventStreams().open).invoke(
      'app:info',
      {},
    );
    expect(!answer.ok && answer.error.message).toContain('HTTP 502');
  });

  it('does not call the server without a token', async () => {
    const { connection, fetch } = connectionAnswering(async () => jsonResponse(200, {}), false);
    const answer = await createBrowserTransport(connection, fakeEventStreams().open).invoke(
      'app:info',
      {},
    );

    expect(!answer.ok && answer.error.message).toMatch(/no access token/);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('browser transport: events', () => {
  it('opens one event stream, with the token in its URL, for any number of listeners', () => {
    const { connection } = connectionAnswering(async () => jsonResponse(200, {}));
    const streams = fakeEventStreams();
    const api = buildApi(createBrowserTransport(connection, streams.open));

    api.logs.onProgress(() => {});
    api.logs.onProgress(() => {});

    expect(streams.opened).toEqual([`${ORIGIN}/api/events?token=tok`]);
  });

  it('delivers each event payload to the listeners of its channel until they unsubscribe', () => {
    const { connection } = connectionAnswering(async () => jsonResponse(200, {}));
    const streams = fakeEventStreams();
    const api = buildApi(createBrowserTransport(connection, streams.open));
    const first = vi.fn();
    const second = vi.fn();

    const stopFirst = api.logs.onProgress(first);
    api.logs.onProgress(second);
    streams.fire('logs:progress', '{"sourceId":"s1","records":5}');
    stopFirst();
    streams.fire('logs:progress', '{"sourceId":"s1","records":9}');

    expect(first.mock.calls).toEqual([[{ sourceId: 's1', records: 5 }]]);
    expect(second.mock.calls).toEqual([
      [{ sourceId: 's1', records: 5 }],
      [{ sourceId: 's1', records: 9 }],
    ]);
  });
});

describe('upload bridge', () => {
  it('uploads each file under its name and returns the server paths in order', async () => {
    let next = 0;
    const { connection, fetch } = connectionAnswering(async () =>
      jsonResponse(200, { ok: true, value: `/tmp/opsdesk/${(next += 1)}` }),
    );
    const files = [new File(['a'], 'one.log'), new File(['b'], 'two words.log')];

    const answer = await createUploadBridge(connection).pathsOf(files);

    expect(answer).toEqual({ ok: true, value: ['/tmp/opsdesk/1', '/tmp/opsdesk/2'] });
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      `${ORIGIN}/api/upload?name=one.log`,
      `${ORIGIN}/api/upload?name=two%20words.log`,
    ]);
    expect(fetch.mock.calls[0][1]?.body).toBe(files[0]);
  });

  it('stops at the first failed upload and returns its failure', async () => {
    const failure = { ok: false, error: { code: 'unreadable', message: 'disk full' } };
    const { connection, fetch } = connectionAnswering(async () => jsonResponse(500, failure));

    const answer = await createUploadBridge(connection).pathsOf([
      new File(['a'], 'one.log'),
      new File(['b'], 'two.log'),
    ]);

    expect(answer).toEqual(failure);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
