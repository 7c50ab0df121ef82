import { describe, expect, it, vi } from 'vitest';
import { createFakeServices } from '../../../test/support/fakeServices';
import type { LoadProgress } from '../../shared/logs';
import { forwardEvents } from './events';

const progress: LoadProgress = {
  sourceId: 'source-0',
  name: 'app.log',
  bytesRead: 512,
  totalBytes: 1024,
  records: 9,
  done: false,
};

describe('forwardEvents', () => {
  it('sends each log-load progress on its event channel', () => {
    const services = createFakeServices();
    const send = vi.fn();

    forwardEvents(services, send);
    services.logs.emitProgress(progress);

    expect(send).toHaveBeenCalledExactlyOnceWith('logs:progress', progress);
  });

  it('sends nothing once stopped', () => {
    const services = createFakeServices();
    const send = vi.fn();

    const stop = forwardEvents(services, send);
    stop();
    services.logs.emitProgress(progress);

    expect(send).not.toHaveBeenCalled();
  });
});
