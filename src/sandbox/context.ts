import type { ScopedLogger } from '../main/logger';
import type { SandboxClock } from './clock';
import type { Faults } from './faults';
import type { PageShapes } from './paging';
import type { SandboxWorld } from './state';
import type { Throttle } from './throttle';
import type { XmlValue } from './wire/xml';

/** What every operation works with. `world` is swapped on reset, so read it at call time. */
export interface SandboxContext {
  world: SandboxWorld;
  clock: SandboxClock;
  throttle: Throttle;
  pageShapes: PageShapes;
  faults: Faults;
  log: ScopedLogger;
}

/** An operation of a JSON-protocol service: decoded input in, answer out (or an AwsError thrown). */
export type JsonOperation = (input: Record<string, unknown>, context: SandboxContext) => unknown;

/** An operation of a Query-protocol service: form parameters in, the `<…Result>` members out. */
export type QueryOperation = (
  params: Record<string, string>,
  context: SandboxContext,
) => Record<string, XmlValue>;
