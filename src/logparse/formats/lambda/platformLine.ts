import type { FieldValue } from '../../../shared/logs';
import { snakeName } from './fieldNames';

/** Lambda platform lines, identified by their first word. */
const PLATFORM_LINE =
  /^(START|END|REPORT|INIT_START|INIT_REPORT|INIT_RUNTIME_DONE|RESTORE_START|RESTORE_REPORT|RESTORE_RUNTIME_DONE|EXTENSION|LOGS|TELEMETRY|PLATFORM_FAULT)(?=[ \t]|$)/;

/**
 * A label: capitalised words followed by `: ` (`RequestId: `, `Max Memory Used: `).
 * The unit `MB` ends a value, never starts a label (`45 MB Init Duration: ...`).
 */
const LABEL = /(?:^|[ \t])(?!MB )([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*): /g;

/** A value with its unit: `39.75 ms`, `128 MB`. */
const MEASURE = /^(\d+(?:\.\d+)?) (ms|MB)$/;

/** Platform lines past this length are not scanned for labels (they never are this long). */
const MAX_PLATFORM_LINE = 4096;

/** Statuses a REPORT or INIT_REPORT line carries when the phase failed. */
const FAILED_STATUSES = new Set(['timeout', 'error', 'failure']);

/** The platform event word a line starts with (`REPORT`), or undefined for other lines. */
export function platformEventOf(body: string): string | undefined {
  const first = body.charCodeAt(0);
  // Platform words start with E, I, L, P, R, S or T.
  if (first < 69 || first > 84) return undefined;
  return PLATFORM_LINE.exec(body)?.[1];
}

/**
 * Reads the `Label: value` pairs of a platform line into fields: REPORT's
 * `Duration: 39.75 ms` becomes `duration_ms: 39.75`, `Memory Size: 128 MB`
 * becomes `memory_size_mb: 128`, `RequestId` becomes `request_id`,
 * INIT_START's `Runtime Version` becomes `runtime_version`. Labels missing
 * from the line (Init Duration on a warm start) stay absent.
 *
 * Returns whether the line reports a failure (`Status: timeout`).
 */
export function readPlatformPairs(
  text: string,
  fields: Record<string, FieldValue>,
  keyPrefix = '',
): boolean {
  if (text.length > MAX_PLATFORM_LINE) return false;
  LABEL.lastIndex = 0;
  let label = LABEL.exec(text);
  while (label) {
    const valueStart = LABEL.lastIndex;
    const next = LABEL.exec(text);
    const valueEnd = next ? next.index : text.length;
    const raw = text.slice(valueStart, valueEnd).trim();
    const name = snakeName(label[1]);
    const key = keyPrefix !== '' && !name.startsWith(keyPrefix) ? keyPrefix + name : name;
    const measure = MEASURE.exec(raw);
    if (measure) {
      fields[key + '_' + measure[2].toLowerCase()] = Number(measure[1]);
    } else if (raw === 'true' || raw === 'false') {
      fields[key] = raw === 'true';
    } else if (raw !== '') {
      fields[key] = raw;
    }
    label = next;
  }
  const status = fields.status;
  return typeof status === 'string' && FAILED_STATUSES.has(status);
}
