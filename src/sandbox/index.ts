import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../main/logger';
import { createClock } from './clock';
import type { SandboxContext } from './context';
import { createControls, type SandboxControls } from './control';
import { Faults } from './faults';
import { PageShapes } from './paging';
import { createWorld } from './seed';
import { createRequestHandler } from './server';
import { Throttle } from './throttle';

export type { SandboxControls } from './control';
export type { FaultMode } from './faults';
export type { PageShape } from './paging';
export type { DemoFacts } from './state';

/** How to start the sandbox; every field has a default. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Multiplies how long workflows take: 1 is realistic, 0.1 ten times faster. */
  timeScale?: number;
  /** The same seed gives the same demo account (ids, commit hashes, log lines). */
  seed?: number;
  /** Generated events per 24 h in each busy log group (default 3,000); a million is fine. */
  logEventsPerGroup?: number;
  /** The wall clock, for tests that need fixed times. */
  now?: () => number;
}

/** A started sandbox: its endpoint for the SDK's `endpoint` option, its controls, and how to stop it. */
export interface RunningSandbox {
  endpoint: string;
  controls: SandboxControls;
  close(): Promise<void>;
}

/**
 * Starts a local AWS-compatible endpoint on loopback, seeded with the demo
 * account, for the sandbox environment, tests, and `npm run sandbox`.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = createClock(options.timeScale ?? 1, options.now);
  const startedAt = clock.now();
  const seedWorld = () =>
    createWorld({
      seed: options.seed ?? 1,
      startedAt,
      logEventsPerGroup: options.logEventsPerGroup ?? 3000,
    });

  const world = seedWorld();
  const context: SandboxContext = {
    world,
    clock,
    throttle: new Throttle(),
    pageShapes: new PageShapes(),
    faults: new Faults(
      () =>
        new Map(context.world.facts.workflows.map((workflow) => [workflow.name, workflow.kind])),
    ),
    log: createLogger('sandbox'),
  };
  const controls = createControls(context, seedWorld);

  const handler = createRequestHandler(context, controls);
  const server = createServer((request, response) => void handler(request, response));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  context.log.info(`Sandbox listening on ${endpoint}`);

  return {
    endpoint,
    controls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clock.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
