import type { RunLogLine } from '../../shared/workflows';

/**
 * The JSON result line a task may print to its log, as named outputs.
 *
 * The last line that is a JSON object with a `status` wins; its `status` and
 * `message` describe the run, every other field is an output.
 */
export function resultLineOutputs(lines: readonly RunLogLine[]): {
  outputs: Record<string, unknown>;
  message?: string;
} {
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const text = lines[index].message.trim();
    if (!text.startsWith('{')) continue;
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      if (typeof parsed !== 'object' || parsed === null || !('status' in parsed)) continue;
      const { status: _status, message, ...outputs } = parsed;
      return { outputs, ...(typeof message === 'string' ? { message } : {}) };
    } catch {
      // A line that looks like JSON but is not is just a log line.
    }
  }
  return { outputs: {} };
}
