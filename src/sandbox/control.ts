import { z } from 'zod';
import type { SandboxContext } from './context';
import { AwsError } from './errors';
import type { FaultMode } from './faults';
import type { PageShape } from './paging';
import type { DemoFacts, SandboxWorld } from './state';

/** What tests and the UI's practice mode can tell the sandbox to do. */
export interface SandboxControls {
  /** Throttles `operation` (e.g. `FilterLogEvents`, or `*`) beyond `ratePerSecond`; `null` lifts it. */
  throttle(operation: string, ratePerSecond: number | null): void;
  /** Makes the next run of a workflow fail: `exit-1`/`failures` for tasks, `function-error`/`rollout-failed` for functions. */
  failNext(workflow: string, mode: FaultMode): void;
  /** Shapes the pages of `operation`; `null` restores AWS's defaults. */
  pageShape(operation: string, shape: PageShape | null): void;
  /** Returns the account to its seeded state and lifts every throttle, fault and page shape. */
  reset(): void;
  /** Facts about the demo account (the running commit, image digests, names). */
  facts(): DemoFacts;
}

/** Creates the controls over a running sandbox's context. */
export function createControls(
  context: SandboxContext,
  seedWorld: () => SandboxWorld,
): SandboxControls {
  return {
    throttle: (operation, ratePerSecond) =>
      context.throttle.set(operation, ratePerSecond, context.clock.now()),
    failNext: (workflow, mode) => context.faults.failNext(workflow, mode),
    pageShape: (operation, shape) => context.pageShapes.set(operation, shape),
    reset: () => {
      context.world = seedWorld();
      context.throttle.clear();
      context.faults.clear();
      context.pageShapes.clear();
      context.log.info('Sandbox reset to the seeded demo account');
    },
    facts: () => context.world.facts,
  };
}

/** The path prefix of the control API; AWS never uses it. */
export const CONTROL_PREFIX = '/_sandbox/';

const throttleRequest = z.object({
  operation: z.string().min(1),
  ratePerSecond: z.number().min(0).nullable(),
});
const failNextRequest = z.object({
  workflow: z.string().min(1),
  mode: z.enum(['exit-1', 'failures', 'function-error', 'rollout-failed']),
});
const pageShapeRequest = z.object({
  operation: z.string().min(1),
  emptyPagesBefore: z.number().int().min(0).optional(),
  maxEvents: z.number().int().min(1).optional(),
  maxBytes: z.number().int().min(1).optional(),
  expireTokenAfter: z.number().int().min(1).optional(),
  repeatLastEvent: z.boolean().optional(),
});

/** Serves the control API: `POST /_sandbox/throttle`, `fail-next`, `page-shape`, `reset`; `GET /_sandbox/facts`. */
export function handleControl(
  controls: SandboxControls,
  method: string,
  path: string,
  body: string,
): { status: number; body: unknown } {
  const action = path.slice(CONTROL_PREFIX.length);
  if (method === 'GET' && action === 'facts') return { status: 200, body: controls.facts() };
  if (method !== 'POST') return { status: 405, body: { error: 'Use POST.' } };

  let input: unknown;
  try {
    input = body.trim() ? JSON.parse(body) : {};
  } catch {
    return { status: 400, body: { error: 'The body must be JSON.' } };
  }
  try {
    switch (action) {
      case 'throttle': {
        const request = throttleRequest.parse(input);
        controls.throttle(request.operation, request.ratePerSecond);
        break;
      }
      case 'fail-next': {
        const request = failNextRequest.parse(input);
        controls.failNext(request.workflow, request.mode);
        break;
      }
      case 'page-shape': {
        const { operation, ...shape } = pageShapeRequest.parse(input);
        controls.pageShape(operation, Object.keys(shape).length ? shape : null);
        break;
      }
      case 'reset':
        controls.reset();
        break;
      default:
        return { status: 404, body: { error: `Unknown control ${action}.` } };
    }
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? z.prettifyError(error)
        : error instanceof AwsError
          ? error.message
          : String(error);
    return { status: 400, body: { error: message } };
  }
  return { status: 200, body: { ok: true } };
}
