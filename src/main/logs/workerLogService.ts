import { Worker } from 'node:worker_threads';
import type { LoadProgress } from '../../shared/logs';
import { OpsdeskError } from '../../shared/result';
import { createLogger } from '../logger';
import type { EngineArgument, EngineMessage, EngineMethod, EngineValue } from './engineProtocol';
import type { LogService } from './logService';

const log = createLogger('log-service');

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The LogService seen from the main process when the engine runs in a
 * worker thread: each method is one message there and one reply back.
 */
export class WorkerLogService implements LogService {
  private readonly worker: Worker;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Set<(progress: LoadProgress) => void>();
  private nextCallId = 1;

  constructor(workerPath: string) {
    this.worker = new Worker(workerPath);
    this.worker.on('message', (message: EngineMessage) => this.receive(message));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.failAll(new Error(`log engine worker exited with code ${code}`));
    });
  }

  open = (paths: string[]) => this.call('open', paths);
  ingestEvents = (batch: EngineArgument<'ingestEvents'>) => this.call('ingestEvents', batch);
  sources = () => this.call('sources', undefined);
  close = async (sourceId: string) => this.call('close', sourceId);
  search = (request: EngineArgument<'search'>) => this.call('search', request);
  histogram = (request: EngineArgument<'histogram'>) => this.call('histogram', request);
  record = (id: number) => this.call('record', id);
  fields = () => this.call('fields', undefined);

  onProgress(listener: (progress: LoadProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
    await this.worker.terminate();
    this.failAll(new OpsdeskError('cancelled', 'The log engine was shut down.'));
  }

  private call<M extends EngineMethod>(method: M, argument: unknown): Promise<EngineValue<M>> {
    const callId = this.nextCallId++;
    return new Promise<EngineValue<M>>((resolve, reject) => {
      this.pending.set(callId, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ callId, method, argument });
    });
  }

  private receive(message: EngineMessage): void {
    if (message.type === 'progress') {
      this.listeners.forEach((listener) => listener(message.progress));
      return;
    }
    const call = this.pending.get(message.callId);
    if (!call) return;
    this.pending.delete(message.callId);
    if (message.ok) call.resolve(message.value);
    else {
      const { code, message: text, position } = message.failure;
      call.reject(new OpsdeskError(code, text, position));
    }
  }

  private failAll(error: Error): void {
    if (this.pending.size > 0) log.error('log engine worker stopped', error.message);
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}
