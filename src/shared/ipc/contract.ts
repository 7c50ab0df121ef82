import type { z } from 'zod';
import { appRequestChannels } from './channels/app';
import { environmentEventChannels, environmentRequestChannels } from './channels/environments';
import { logsEventChannels, logsRequestChannels } from './channels/logs';
import { logPullEventChannels, logPullRequestChannels } from './channels/logpull';
import { statusRequestChannels } from './channels/status';
import { journalRequestChannels } from './channels/journal';
import { workflowEventChannels, workflowRequestChannels } from './channels/workflows';
import type { Result } from '../result';

/**
 * The one list of IPC channels between the renderer and the main process.
 *
 * Channel names appear nowhere else: each domain declares its channels in
 * `channels/`, and this file joins them. Each request channel has the schema
 * its request is parsed with before any service runs, and the type of its
 * value; each event channel has the type of what it carries. Electron IPC and
 * browser mode both serve exactly this contract.
 */

export type { AppInfo } from './channels/app';

/** Request channels: `domain:verb` to request schema and value type. */
export const requestChannels = {
  ...appRequestChannels,
  ...environmentRequestChannels,
  ...logsRequestChannels,
  ...logPullRequestChannels,
  ...statusRequestChannels,
  ...workflowRequestChannels,
  ...journalRequestChannels,
};

/** One-way event channels from the main process to the renderer. */
export const eventChannels = {
  ...environmentEventChannels,
  ...logsEventChannels,
  ...logPullEventChannels,
  ...workflowEventChannels,
};

/** Name of a request channel. */
export type RequestChannel = keyof typeof requestChannels;

/** Name of an event channel. */
export type EventChannel = keyof typeof eventChannels;

/** The request a channel accepts, before defaults are applied. */
export type RequestOf<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['schema']>;

/** The request a channel's handler receives, after parsing. */
export type ParsedRequestOf<C extends RequestChannel> = z.output<
  (typeof requestChannels)[C]['schema']
>;

/** The value a channel answers with. */
export type ValueOf<C extends RequestChannel> = (typeof requestChannels)[C]['value'];

/** What an event channel carries. */
export type PayloadOf<C extends EventChannel> = (typeof eventChannels)[C]['payload'];

/** Every request channel name, for wiring transports without naming channels. */
export const REQUEST_CHANNELS = Object.keys(requestChannels) as RequestChannel[];

/** Every event channel name. */
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

/** Whether a string names a request channel of this contract. */
export function isRequestChannel(name: string): name is RequestChannel {
  return Object.hasOwn(requestChannels, name);
}

/** Parses a request for a channel; a failure names the offending field. */
export function parseRequest<C extends RequestChannel>(
  channel: C,
  raw: unknown,
): Result<ParsedRequestOf<C>> {
  const parsed = requestChannels[channel].schema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedRequestOf<C> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    error: {
      code: 'invalid-request',
      message: `Invalid ${channel} request${where}: ${issue?.message}`,
    },
  };
}
