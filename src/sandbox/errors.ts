/**
 * An error the sandbox answers the way AWS would: a code the SDKs match on,
 * a message, and the HTTP status AWS uses for it.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'AwsError';
  }
}

/** The error every JSON-protocol service answers to a bad or missing parameter. */
export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}
