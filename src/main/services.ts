import path from 'node:path';
import { version } from '../../package.json';
import type { AppInfo } from '../shared/ipc/contract';
import { startSandbox } from '../sandbox';
import { defaultConfigFolder } from './environments';
import {
  createEnvironmentService,
  type EnvironmentService,
} from './environments/environmentService';
import { createCredentialPrompts } from './environments/prompts/credentialPrompts';
import { createLogService } from './logs/createLogService';
import type { LogService } from './logs/logService';
import {
  createLogPullService,
  createLogTailService,
  createPulledSources,
  type LogPullService,
  type LogTailService,
  type PulledSources,
} from './logpull';
import { createStatusService, type StatusService } from './status';
import { createJournal } from './journal/journal';
import { createJournalService, type JournalService } from './journal/journalService';
import { createRunStore } from './workflows/runStore';
import { createWorkflowService, type WorkflowService } from './workflows/workflowService';

/** The main-process services IPC handlers call, whichever transport carries the request. */
export interface Services {
  /** How this app is being served, answered to `app:info`. */
  appInfo: AppInfo;
  environments: EnvironmentService;
  logs: LogService;
  /** Pulls CloudWatch log groups into `logs`; Logs Insights counts for large ranges. */
  logPull: LogPullService;
  logTail: LogTailService;
  /** Shows the active environment's earlier pulls in `logs`, following environment switches. */
  pulledSources: PulledSources;
  status: StatusService;
  workflows: WorkflowService;
  journal: JournalService;
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
  /** Opens a page in the system browser (Electron's shell); browser mode shows links instead. */
  openExternal?: (url: string) => Promise<void>;
  /** Where the journal and workflow runs are kept; defaults to the config folder. */
  dataDir?: string;
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
  const configDir = options.configDir ?? defaultConfigFolder();
  const environments = createEnvironmentService({
    configDir,
    extraFile: options.environmentsFile,
    initial: options.initialEnvironment,
    startSandbox: () => startSandbox(sandboxOptionsFromEnv()),
    prompts: createCredentialPrompts({ openExternal: options.openExternal }),
  });

  const status = createStatusService({ environments });
  const dataDir = options.dataDir ?? process.env.OPSDESK_DATA_DIR ?? configDir;
  const journalFile = createJournal(dataDir);
  const journal = createJournalService(journalFile);
  const workflows = createWorkflowService({
    environments,
    journal: journalFile,
    runStore: createRunStore(dataDir),
    pacing: { pollMs: Number(process.env.OPSDESK_WORKFLOW_POLL_MS) || 2000 },
  });
  const logPull = createLogPullService({
    environments,
    logs,
    dataDir,
    ...pullOptionsFromEnv(),
  });
  const logTail = createLogTailService(environments, logs);
  // What was pulled in the active environment before is loaded in the background.
  const pulledSources = createPulledSources({ environments, logs, dataDir });
  pulledSources.start();
  // Runs that were in progress when Opsdesk stopped are watched again.
  void workflows.resume().catch(() => undefined);

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
    logPull,
    logTail,
    pulledSources,
    status,
    workflows,
    journal,
    dispose: async () => {
      status.dispose();
      await Promise.all([logPull.dispose(), logTail.dispose(), pulledSources.dispose()]);
      await workflows.dispose();
      await Promise.all([logs.dispose(), environments.dispose()]);
    },
  };
}

/**
 * How the in-process sandbox starts: `OPSDESK_SANDBOX_PORT` fixes its port and
 * `OPSDESK_SANDBOX_TIME_SCALE` speeds its workflows up, for browser tests.
 */
function sandboxOptionsFromEnv(): { port: number; timeScale?: number } {
  const port = Number(process.env.OPSDESK_SANDBOX_PORT ?? 0);
  const timeScale = Number(process.env.OPSDESK_SANDBOX_TIME_SCALE);
  return {
    port: Number.isInteger(port) && port > 0 ? port : 0,
    ...(timeScale > 0 ? { timeScale } : {}),
  };
}

/**
 * Pull limits from the environment: `OPSDESK_PULL_RATE_QUOTA` (FilterLogEvents
 * requests per second) and `OPSDESK_PULL_LOCAL_LIMIT_MB` (the size past which
 * a range is counted by Logs Insights instead), for accounts with other
 * quotas and for browser tests.
 */
function pullOptionsFromEnv(): { rateQuota?: number; localLimitBytes?: number } {
  const rateQuota = Number(process.env.OPSDESK_PULL_RATE_QUOTA);
  const localLimitMb = Number(process.env.OPSDESK_PULL_LOCAL_LIMIT_MB);
  return {
    ...(rateQuota > 0 ? { rateQuota } : {}),
    ...(localLimitMb > 0 ? { localLimitBytes: localLimitMb * 1_048_576 } : {}),
  };
}
