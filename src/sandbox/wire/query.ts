import type { AwsError } from '../errors';
import { xmlElement, type XmlValue } from './xml';

/** The flat parameters of a Query-protocol request (`Action`, `Filters.Filter.1.Name`, ...). */
export type QueryParams = Record<string, string>;

/** Decodes a form-encoded body or URL query string. */
export function parseQueryParams(text: string): QueryParams {
  return Object.fromEntries(new URLSearchParams(text));
}

/** Reads a list parameter (`Prefix.1`, `Prefix.2`, ...) in order. */
export function queryListValues(params: QueryParams, prefix: string): string[] {
  const values: string[] = [];
  for (let index = 1; params[`${prefix}.${index}`] !== undefined; index++) {
    values.push(params[`${prefix}.${index}`]);
  }
  return values;
}

/** Renders a successful Query answer: `<ActionResponse><ActionResult>…` plus the request id. */
export function queryResponse(
  action: string,
  xmlns: string,
  result: Record<string, XmlValue>,
  requestId: string,
): string {
  const body = Object.entries(result)
    .map(([name, value]) => xmlElement(name, value))
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${action}Response xmlns="${xmlns}">` +
    `<${action}Result>${body}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

/** Renders a Query error the way STS and RDS send it. */
export function queryError(error: AwsError, requestId: string, xmlns?: string): string {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  const namespace = xmlns ? ` xmlns="${xmlns}"` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ErrorResponse${namespace}>` +
    xmlElement('Error', { Type: type, Code: error.code, Message: error.message }) +
    `<RequestId>${requestId}</RequestId>` +
    `</ErrorResponse>`
  );
}
