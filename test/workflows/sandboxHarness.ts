import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createEnvironmentService } from '../../src/main/environments/environmentService';
import { sandboxEnvironment } from '../../src/main/environments/sandboxEnvironment';
import { createJournal } from '../../src/main/journal/journal';
import { createRunStore } from '../../src/main/workflows/runStore';
import {
  createWorkflowService,
  type WorkflowService,
} from '../../src/main/workflows/workflowService';
import type { WorkflowRun } from '../../src/shared/workflows';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';

/** A second environment served by the same sandbox, for runs outside the active environment. */
export const TWIN_ENVIRONMENT = 'twin';

/** By default the sandbox runs workflows fifty times faster than life; runs are polled often. */
const TIME_SCALE = 0.02;
const POLL_MS = 20;

/** A sandbox, and workflow services over it sharing one data folder, as after restarts. */
export interface WorkflowHarness {
  sandbox: RunningSandbox;
  dataDir: string;
  /** A workflow service as a fresh start of Opsdesk builds it, `initial` active (the sandbox). */
  open(initial?: string): WorkflowService;
  close(): Promise<void>;
}

/** Starts the sandbox and a data folder; `open` builds services over them. */
export async function startWorkflowHarness(timeScale = TIME_SCALE): Promise<WorkflowHarness> {
  const sandbox = await startSandbox({ port: 0, timeScale });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-workflows-'));
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'opsdesk-config-'));
  const twin = { ...sandboxEnvironment(sandbox.endpoint), name: TWIN_ENVIRONMENT, label: 'Twin' };
  await writeFile(
    path.join(configDir, 'environments.json'),
    JSON.stringify({ environments: [twin] }),
  );
  const opened: { dispose(): Promise<void> }[] = [];

  return {
    sandbox,
    dataDir,
    open(initial) {
      const environments = createEnvironmentService({
        configDir,
        ...(initial ? { initial } : {}),
        startSandbox: async () => ({ endpoint: sandbox.endpoint, close: async () => undefined }),
      });
      const service = createWorkflowService({
        environments,
        journal: createJournal(dataDir),
        runStore: createRunStore(dataDir),
        pacing: { pollMs: POLL_MS },
      });
      opened.push(service, environments);
      return service;
    },
    async close() {
      for (const service of opened.splice(0)) await service.dispose();
      await sandbox.close();
    },
  };
}

/** Resolves with the run once it has ended, as its updates report it. */
export function runEnded(service: WorkflowService, runId: string, timeoutMs = 20_000) {
  return new Promise<WorkflowRun>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`run ${runId} did not end`)), timeoutMs);
    const check = (run: WorkflowRun) => {
      if (run.runId !== runId || run.status === 'running') return;
      clearTimeout(timer);
      stop();
      resolve(run);
    };
    const stop = service.onRunUpdated(check);
    void service.runs().then((runs) => runs.forEach(check));
  });
}
