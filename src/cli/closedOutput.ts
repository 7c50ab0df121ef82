/** The part of a stream this needs: its `error` event. */
interface ErrorSource {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Ends the command with exit code 0 when the reader of its output goes away,
 * as in `opsdesk logs … | head`: the reader took what it wanted, so that is
 * no failure. Any other write error still fails loudly.
 */
export function exitQuietlyWhenOutputCloses(
  output: ErrorSource,
  exit: (code: number) => void,
): void {
  output.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}
