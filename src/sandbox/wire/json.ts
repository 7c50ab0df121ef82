import type { AwsError } from '../errors';

/**
 * Serialises an answer of the JSON protocols. Dates become epoch seconds,
 * which is how JSON 1.1 and REST-JSON carry timestamps.
 */
export function jsonBody(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : replaced;
  });
}

/** The body of a JSON 1.1 error: the SDKs read the code from `__type`. */
export function jsonErrorBody(error: AwsError): string {
  return JSON.stringify({ __type: error.code, message: error.message });
}
