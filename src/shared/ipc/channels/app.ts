import { z } from 'zod';
import { request } from './declare';

/** How Opsdesk is being served to this renderer. */
export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  platform: string;
  /** Why the app runs in browser mode, when it does. */
  modeReason?: string;
}

/** A request that carries nothing. */
export const emptyRequest = z.object({}).strict();

const rendererLogRequest = z.object({
  level: z.enum(['error', 'warn', 'info', 'debug']),
  scope: z.string().max(100),
  message: z.string().max(10_000),
});

/** Channels about the app itself. */
export const appRequestChannels = {
  'app:info': request<AppInfo>()(emptyRequest),
  'app:log': request<null>()(rendererLogRequest),
};
