import type { LogService } from './logService';
import { LogEngine } from './logEngine';
import { WorkerLogService } from './workerLogService';

/** Where the engine runs. */
export interface LogServiceOptions {
  /**
   * The built worker (dist/main/log-engine-worker.cjs). Without it the engine
   * runs on the calling thread, which suits tests and the command line.
   */
  workerPath?: string;
}

/** Creates the log service, in a worker thread when a worker path is given. */
export function createLogService(options: LogServiceOptions = {}): LogService {
  return options.workerPath ? new WorkerLogService(options.workerPath) : new LogEngine();
}
