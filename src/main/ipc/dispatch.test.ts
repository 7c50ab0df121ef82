import { describe, expect, it, vi } from 'vitest';
import { createFakeServices } from '../../../test/support/fakeServices';
import { OpsdeskError } from '../../shared/result';
import { REQUEST_CHANNELS } from '../../shared/ipc/contract';
import { createDispatch } from './dispatch';
import { handlers } from './handlers';

describe('dispatch: requests are parsed before any service runs', () => {
  it('refuses a channel the contract does not list', async () => {
    const services = createFakeServices();
    const answer = await createDispatch(services)('logs:delete-everything', {});

    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'Unknown request channel logs:delete-everything.',
      },
    });
  });

  it('refuses inherited object keys as channels', async () => {
    const answer = await createDispatch(createFakeServices())('constructor', {});
    expect(answer.ok).toBe(false);
  });

  it('answers a request that fails its schema with invalid-request, without calling the service', async () => {
    const services = createFakeServices();
    const answer = await createDispatch(services)('logs:search', { query: 42 });

    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('invalid-request');
    expect(!answer.ok && answer.error.message).toContain('at query');
    expect(services.logs.search).not.toHaveBeenCalled();
  });

  it('passes the parsed request, defaults applied, to the service', async () => {
    const services = createFakeServices();
    const answer = await createDispatch(services)('logs:search', { query: 'status:404' });

    expect(answer).toEqual({ ok: true, value: { total: 0, offset: 0, rows: [], tookMs: 0 } });
    expect(services.logs.search).toHaveBeenCalledWith({
      query: 'status:404',
      offset: 0,
      limit: 200,
    });
  });

  it('treats a missing request body as an empty request', async () => {
    const services = createFakeServices();
    const answer = await createDispatch(services)('logs:sources', undefined);
    expect(answer).toEqual({ ok: true, value: [] });
  });
});

describe('dispatch: failures come back as values', () => {
  it('returns an OpsdeskError as its failure, position included', async () => {
    const services = createFakeServices();
    vi.mocked(services.logs.search).mockRejectedValueOnce(
      new OpsdeskError('query-syntax', 'Expected a value after status:', 7),
    );

    const answer = await createDispatch(services)('logs:search', { query: 'status:' });

    expect(answer).toEqual({
      ok: false,
      error: { code: 'query-syntax', message: 'Expected a value after status:', position: 7 },
    });
  });

  it('hides the text of an unexpected error behind a generic internal failure', async () => {
    const services = createFakeServices();
    const answer = await createDispatch(services)('logs:record', { id: 3 });

    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('internal');
    expect(!answer.ok && answer.error.message).not.toContain('no records in the fake');
  });

  it('resolves rather than rejects when a handler throws synchronously', async () => {
    const services = createFakeServices();
    const throwing = {
      ...handlers,
      'logs:fields': () => {
        throw new TypeError('boom');
      },
    };
    const answer = await createDispatch(services, throwing)('logs:fields', {});
    expect(!answer.ok && answer.error.code).toBe('internal');
  });
});

describe('handlers: every contract channel reaches its service', () => {
  it('has one handler per request channel and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it('answers app:info from the services', async () => {
    const services = createFakeServices();
    const answer = await createDispatch(services)('app:info', {});
    expect(answer).toEqual({ ok: true, value: services.appInfo });
  });

  it('opens files and closes a source through the log service', async () => {
    const services = createFakeServices();
    const dispatch = createDispatch(services);

    const opened = await dispatch('logs:open', { paths: ['/var/log/app.log'] });
    const closed = await dispatch('logs:close', { sourceId: 'source-0' });

    expect(opened.ok && opened.value).toEqual([
      expect.objectContaining({ sourceId: 'source-0', name: 'app.log' }),
    ]);
    expect(closed).toEqual({ ok: true, value: null });
    expect(services.logs.close).toHaveBeenCalledWith('source-0');
  });

  it('passes the histogram request with its bucket and time zone', async () => {
    const services = createFakeServices();
    const answer = await createDispatch(services)('logs:histogram', {
      query: '',
      bucket: '15m',
      timeZone: 'Europe/Berlin',
    });
    expect(answer.ok && answer.value).toMatchObject({ bucket: '15m', timeZone: 'Europe/Berlin' });
  });
});
