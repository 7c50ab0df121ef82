import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeServices } from '../../../test/support/fakeServices';
import { startBrowserServer, type BrowserServer } from './server';

let rendererDir: string;
let services: ReturnType<typeof createFakeServices>;
let server: BrowserServer;

beforeEach(async () => {
  rendererDir = await mkdtemp(path.join(tmpdir(), 'opsdesk-renderer-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Opsdesk</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  services = createFakeServices();
  server = await startBrowserServer({ services, rendererDir });
});

afterEach(async () => {
  await server.close();
  await rm(rendererDir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${server.port}`;
const auth = () => ({ Authorization: `Bearer ${server.token}` });

function invoke(channel: string, body: unknown, headers: Record<string, string> = auth()) {
  return fetch(`${origin()}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Sends a GET with a Host header of our choosing, which fetch does not allow. */
function getWithHost(pathname: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: server.port, path: pathname, headers: { Host: host, ...auth() } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject).end();
  });
}

describe('browser server: where it listens and what it prints', () => {
  it('listens on loopback with a 64-hex-digit token in its URL', () => {
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('makes a new token for each start', async () => {
    const second = await startBrowserServer({ services, rendererDir });
    expect(second.token).not.toBe(server.token);
    expect(second.port).not.toBe(server.port);
    await second.close();
  });
});

describe('browser server: access control', () => {
  it('answers 401 to an API request without the token', async () => {
    const response = await invoke('app:info', {}, {});
    expect(response.status).toBe(401);
    expect(services.logs.sources).not.toHaveBeenCalled();
  });

  it('answers 401 to a wrong token', async () => {
    const response = await invoke('logs:sources', {}, { Authorization: 'Bearer 00' });
    expect(response.status).toBe(401);
    expect(services.logs.sources).not.toHaveBeenCalled();
  });

  it('refuses a token in the query string except for the event stream', async () => {
    const response = await fetch(`${origin()}/api/invoke/app:info?token=${server.token}`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it('refuses a Host that is not 127.0.0.1 or localhost on its port', async () => {
    expect(await getWithHost('/', `rebound.example:${server.port}`)).toBe(403);
    expect(await getWithHost('/api/events', `rebound.example:${server.port}`)).toBe(403);
    expect(await getWithHost('/', `127.0.0.1:${server.port + 1}`)).toBe(403);
    expect(await getWithHost('/', `localhost:${server.port}`)).toBe(200);
  });

  it('refuses a request from another origin even with the token', async () => {
    const response = await invoke(
      'logs:sources',
      {},
      { ...auth(), Origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(services.logs.sources).not.toHaveBeenCalled();
  });
});

describe('browser server: the contract over HTTP', () => {
  it('answers a valid request with the Result the dispatcher gives', async () => {
    const response = await invoke('app:info', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: services.appInfo });
  });

  it('answers a request failing its schema with invalid-request, service untouched', async () => {
    const response = await invoke('logs:open', { paths: [] });
    const answer = await response.json();

    expect(response.status).toBe(200);
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('invalid-request');
    expect(services.logs.open).not.toHaveBeenCalled();
  });

  it('answers a body that is not JSON with 400 and a failed Result', async () => {
    const response = await fetch(`${origin()}/api/invoke/app:info`, {
      method: 'POST',
      headers: auth(),
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-request');
  });

  it('refuses a request body over 1 MB with 413', async () => {
    const response = await invoke('logs:search', { query: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(services.logs.search).not.toHaveBeenCalled();
  });

  it('streams progress events to an event stream opened with the token in its query', async () => {
    const controller = new AbortController();
    const response = await fetch(`${origin()}/api/events?token=${server.token}`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');

    const reader = response.body!.getReader();
    await reader.read(); // the retry line, sent once the stream is open
    services.logs.emitProgress({
      sourceId: 'source-0',
      name: 'app.log',
      bytesRead: 10,
      totalBytes: 10,
      records: 2,
      done: true,
    });
    const { value } = await reader.read();
    controller.abort();

    expect(new TextDecoder().decode(value)).toBe(
      'event: logs:progress\ndata: {"sourceId":"source-0","name":"app.log","bytesRead":10,' +
        '"totalBytes":10,"records":2,"done":true}\n\n',
    );
  });
});

describe('browser server: uploads', () => {
  it('stores an upload in a private folder under its own name and returns the path', async () => {
    const response = await fetch(`${origin()}/api/upload?name=${encodeURIComponent('app.log')}`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/octet-stream' },
      body: 'line one\nline two\n',
    });
    const answer = await response.json();

    expect(answer.ok).toBe(true);
    expect(path.basename(answer.value)).toBe('app.log');
    expect(await readFile(answer.value, 'utf8')).toBe('line one\nline two\n');
    expect((await stat(path.dirname(path.dirname(answer.value)))).mode & 0o777).toBe(0o700);
  });

  it('keeps an upload named with a path inside its folder', async () => {
    const name = encodeURIComponent('../../etc/passwd');
    const response = await fetch(`${origin()}/api/upload?name=${name}`, {
      method: 'POST',
      headers: auth(),
      body: 'x',
    });
    const answer = await response.json();

    expect(path.basename(answer.value)).toBe('passwd');
    expect(answer.value.startsWith(tmpdir())).toBe(true);
  });

  it('deletes uploads when it closes', async () => {
    const response = await fetch(`${origin()}/api/upload?name=a.log`, {
      method: 'POST',
      headers: auth(),
      body: 'x',
    });
    const { value } = await response.json();
    await server.close();

    await expect(stat(value)).rejects.toThrow(/ENOENT/);
    server = await startBrowserServer({ services, rendererDir });
  });
});

describe('browser server: the renderer files', () => {
  it('serves index.html with the CSP, nosniff and no caching', async () => {
    const response = await fetch(`${origin()}/`);

    expect(await response.text()).toBe('<!doctype html><title>Opsdesk</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves assets with their content type, without the token', async () => {
    const response = await fetch(`${origin()}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the renderer folder', async () => {
    expect(await getWithHost('/../package.json', `127.0.0.1:${server.port}`)).toBe(404);
    expect(await getWithHost('/%2e%2e/%2e%2e/etc/hostname', `127.0.0.1:${server.port}`)).toBe(404);
    expect((await fetch(`${origin()}/missing.js`)).status).toBe(404);
  });
});

describe('browser server: files named at start', () => {
  it('opens them into the log index before it answers', async () => {
    const withFiles = await startBrowserServer({
      services,
      rendererDir,
      openPaths: ['/var/log/one.log'],
    });
    expect(services.logs.open).toHaveBeenCalledWith(['/var/log/one.log']);
    await withFiles.close();
  });
});
