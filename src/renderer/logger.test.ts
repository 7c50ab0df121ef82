import { describe, expect, it } from 'vitest';
import { createFakeApi } from './testing/fakeApi';
import { connectLogger, createLogger } from './logger';

describe('the renderer logger', () => {
  it('keeps lines written before the API is connected and sends them once it is', () => {
    const fake = createFakeApi();
    createLogger('boot').warn('early', 42);
    expect(fake.api.app.log).not.toHaveBeenCalled();

    connectLogger(fake.bridge);
    expect(fake.api.app.log).toHaveBeenCalledWith({
      level: 'warn',
      scope: 'boot',
      message: 'early 42',
    });

    createLogger('search').error('failed', new Error('boom'), { query: 'a' });
    const [sent] = fake.api.app.log.mock.calls.at(-1) as unknown as [{ message: string }];
    expect(sent.message).toMatch(/^failed Error: boom\n/);
    expect(sent.message).toMatch(/ \{"query":"a"\}$/);
  });
});
