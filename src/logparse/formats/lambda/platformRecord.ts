import type { FieldValue } from '../../../shared/logs';
import { flattenInto } from '../../json/flatten';
import { newEvent } from '../../lineFormat';
import { timeFromValue } from '../../time/timeFromValue';
import type { ParsedEvent } from '../../types';
import { snakeName } from './fieldNames';

/** Record statuses that mean the invocation or init phase failed. */
const FAILED_STATUSES = new Set(['timeout', 'error', 'failure']);

/**
 * Turns a Lambda JSON-format system record (`"type": "platform.report"` and
 * its siblings) into an event with the same field names as the text REPORT
 * line: `event`, `request_id`, `status`, `duration_ms`, `billed_duration_ms`,
 * `memory_size_mb`, `max_memory_used_mb`, `init_duration_ms`. Metrics the
 * record does not carry stay absent.
 */
export function platformRecordEvent(
  record: Record<string, unknown>,
  type: string,
  text: string,
  lineNumber: number,
): ParsedEvent {
  const event = snakeName(type.slice('platform.'.length)).toUpperCase();
  const fields: Record<string, FieldValue> = { event };
  const body = record.record;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const members = body as Record<string, unknown>;
    for (const key in members) {
      const value = members[key];
      if (key === 'metrics' && typeof value === 'object' && value !== null) {
        for (const [metric, amount] of Object.entries(value as Record<string, unknown>)) {
          if (typeof amount === 'number') fields[snakeName(metric)] = amount;
        }
      } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        flattenInto(fields, value as Record<string, unknown>, snakeName(key));
      } else if (value !== null && value !== undefined) {
        fields[snakeName(key)] =
          typeof value === 'object' ? JSON.stringify(value) : (value as FieldValue);
      }
    }
  } else if (typeof body === 'string') {
    fields.record = body;
  }

  const status = typeof fields.status === 'string' ? fields.status : undefined;
  const level = status && FAILED_STATUSES.has(status) ? 'error' : 'info';
  return newEvent(
    text,
    lineNumber,
    summary(event, fields),
    level,
    timeFromValue(record.time),
    fields,
  );
}

/** A one-line summary in the words of the text format: `REPORT RequestId: ... Duration: 2.5 ms`. */
function summary(event: string, fields: Record<string, FieldValue>): string {
  let line = event;
  if (fields.request_id !== undefined) line += ` RequestId: ${fields.request_id}`;
  if (fields.duration_ms !== undefined) line += ` Duration: ${fields.duration_ms} ms`;
  if (fields.billed_duration_ms !== undefined) {
    line += ` Billed Duration: ${fields.billed_duration_ms} ms`;
  }
  if (fields.memory_size_mb !== undefined) line += ` Memory Size: ${fields.memory_size_mb} MB`;
  if (fields.max_memory_used_mb !== undefined) {
    line += ` Max Memory Used: ${fields.max_memory_used_mb} MB`;
  }
  if (fields.init_duration_ms !== undefined) {
    line += ` Init Duration: ${fields.init_duration_ms} ms`;
  }
  if (fields.runtime_version !== undefined) line += ` Runtime Version: ${fields.runtime_version}`;
  if (fields.status !== undefined) line += ` Status: ${fields.status}`;
  return line;
}
