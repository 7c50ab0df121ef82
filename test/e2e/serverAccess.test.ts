// The real browser-mode entry refuses whoever does not hold this start's token
// or does not address it as loopback.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBrowserServerProcess,
  type BrowserServerProcess,
} from '../support/browserServerProcess';

let server: BrowserServerProcess;

beforeAll(async () => {
  server = await startBrowserServerProcess();
});

afterAll(async () => {
  await server?.stop();
});

/** Sends a request with headers fetch would not allow (Host), returning the status. */
function statusOf(method: string, pathname: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: server.port, method, path: pathname, headers },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject).end(method === 'POST' ? '{}' : undefined);
  });
}

describe('the browser-mode server started from dist/', () => {
  it('prints a loopback URL with a 64-hex-digit token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  });

  it('answers app:info in browser mode to the token holder', async () => {
    const response = await fetch(`${server.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const answer = await response.json();
    expect(answer).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('refuses a request without the token with 401', async () => {
    const status = await statusOf('POST', '/api/invoke/app:info', {
      Host: `127.0.0.1:${server.port}`,
    });
    expect(status).toBe(401);
  });

  it('refuses the event stream without the token with 401', async () => {
    const response = await fetch(`${server.origin}/api/events`);
    expect(response.status).toBe(401);
  });

  it('refuses a foreign Host, token or not, with 403', async () => {
    const headers = { Host: `attacker.example:${server.port}` };
    expect(await statusOf('GET', '/', headers)).toBe(403);
    expect(
      await statusOf('POST', '/api/invoke/app:info', {
        ...headers,
        Authorization: `Bearer ${server.token}`,
      }),
    ).toBe(403);
  });

  it('serves the built renderer with its security headers', async () => {
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<div id="root">');
  });
});
