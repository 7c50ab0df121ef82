import path from 'node:path';
import { version } from '../../package.json';
import type { AppInfo } from '../shared/ipc/contract';
import { startSandbox } from '../sandbox';
import { defaultConfigFolder } from './environments';
import {
  createEnvironmentService,
  type EnvironmentService,
} from './environments/environmentService';
import { createLogService } from './logs/createLogService';
import type { LogService } from './logs/logService';

/** The main-process services IPC handlers call, whichever transport carries the request. */
export interface Services {
  /** How this app is being served, answered to `app:info`. */
  appInfo: AppInfo;
  environments: EnvironmentService;
  logs: LogService;
  /** Stops workers and releases files; called once when the app quits. */
  dispose(): Promise<void>;
}

/** What the composition root needs to know about the process it runs in. */
export interface ServicesOptions {
  mode: AppInfo['mode'];
  /** Why browser mode was chosen, shown in the app. */
  modeReason?: string;
  /** Where the log engine's worker bundle is; defaults to beside the running bundle. */
  workerPath?: string;
  /** Where environments.json lives: Electron's userData folder, else the platform default. */
  configDir?: string;
  /** An environments file named on the command line. */
  environmentsFile?: string;
  /** The environment to open first; the built-in sandbox when not given. */
  initialEnvironment?: string;
}

/**
 * Builds every service of the main process.
 *
 * This is the one place that picks implementations; handlers and transports
 * only see the `Services` interface, so tests can pass fakes.
 */
export function createServices(options: ServicesOptions): Services {
  // The bundles in dist/main sit beside the worker bundle the build writes.
  const workerPath = options.workerPath ?? path.join(__dirname, 'log-engine-worker.cjs');
  const logs = createLogService({ workerPath });
  const environments = createEnvironmentService({
    configDir: options.configDir ?? defaultConfigFolder(),
    extraFile: options.environmentsFile,
    initial: options.initialEnvironment,
    startSandbox: () => startSandbox({ port: 0 }),
  });

  const appInfo: AppInfo = {
    mode: options.mode,
    version,
    platform: process.platform,
    ...(options.modeReason ? { modeReason: options.modeReason } : {}),
  };

  return {
    appInfo,
    environments,
    logs,
    dispose: async () => {
      await Promise.all([logs.dispose(), environments.dispose()]);
    },
  };
}
