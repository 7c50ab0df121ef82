import type { FieldValue } from '../../../shared/logs';
import { flattenInto } from '../../json/flatten';
import { parseJsonObject } from '../../json/parseJson';

/** How far into a message a `[key=value ...]` tag block is looked for. */
const MAX_TAG_BLOCK = 512;

/**
 * Adds what an application message carries in a structured form to the
 * event's fields, without overwriting fields already set:
 *
 * - a leading tag block `[dd.trace_id=317... dd.span_id=142...]`;
 * - a trailing JSON object (`... {"status":"debug","message":"..."}`), flattened.
 */
export function enrichAppMessage(message: string, fields: Record<string, FieldValue>): void {
  let rest = 0;
  if (message.charCodeAt(0) === 91) {
    const close = message.indexOf(']');
    if (close > 0 && close < MAX_TAG_BLOCK) {
      const tags = message.slice(1, close);
      if (tags.includes('=') && readTags(tags, fields)) rest = close + 1;
    }
  }

  if (message.charCodeAt(message.length - 1) !== 125) return;
  const open = message.indexOf('{', rest);
  if (open < 0) return;
  const json = message.slice(open);
  const record = parseJsonObject(json);
  if (!record) return;
  let embedded: Record<string, FieldValue> = {};
  if (!flattenInto(embedded, record)) {
    embedded = {};
    flattenInto(embedded, parseJsonObject(json, true) ?? {});
  }
  for (const key in embedded) {
    if (fields[key] === undefined) fields[key] = embedded[key];
  }
}

/** Reads space-separated `key=value` pairs; returns false (adding nothing) if any is not one. */
function readTags(tags: string, fields: Record<string, FieldValue>): boolean {
  const pairs = tags.trim().split(/\s+/);
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) return false;
  }
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = pair.slice(0, equals);
    if (fields[key] === undefined) fields[key] = pair.slice(equals + 1);
  }
  return true;
}
