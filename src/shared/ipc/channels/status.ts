import { z } from 'zod';
import type { StatusReport } from '../../status';
import { emptyRequest } from './app';
import { request } from './declare';

/** Channels for the Status view: the latest status of the active environment. */
export const statusRequestChannels = {
  /** The latest status; collected anew only when older than `maxAgeMs`. */
  'status:get': request<StatusReport>()(
    z.object({ maxAgeMs: z.number().int().min(0).max(600_000).optional() }).strict(),
  ),
  /** Collects the status now, for the refresh button. */
  'status:refresh': request<StatusReport>()(emptyRequest),
};
