import { toOpsdeskError } from '../aws';

/** The sentence to show for a failed status read; the client layer already phrased AWS errors. */
export function messageOf(error: unknown): string {
  return toOpsdeskError(error, { action: 'reading the status' }).message;
}
