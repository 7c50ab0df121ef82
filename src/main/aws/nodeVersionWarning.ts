// The AWS SDK for JavaScript v3 warns on every start under Node 20 that its
// releases after January 2027 will need Node 22. Opsdesk supports Node 20.19,
// so the warning tells its users nothing they can act on.

/** The variable the SDK reads before warning (aws/aws-sdk-js-v3 issue #7983). */
export const SDK_NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Turns off the SDK's NodeVersionSupportWarning for this process and the
 * processes it starts; other warnings still print. A value the user set
 * (e.g. `false`, to see the warning) is kept. Call before creating clients:
 * the SDK checks when the first client is constructed.
 */
export function silenceSdkNodeVersionWarning(env: NodeJS.ProcessEnv = process.env): void {
  env[SDK_NODE_WARNING_SWITCH] ??= 'true';
}
