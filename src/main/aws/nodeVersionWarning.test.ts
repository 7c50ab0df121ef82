import { emitWarningIfUnsupportedVersion, state } from '@aws-sdk/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SDK_NODE_WARNING_SWITCH, silenceSdkNodeVersionWarning } from './nodeVersionWarning';

let userValue: string | undefined;
let warnings: string[];

beforeEach(() => {
  userValue = process.env[SDK_NODE_WARNING_SWITCH];
  delete process.env[SDK_NODE_WARNING_SWITCH];
  state.warningEmitted = false;
  warnings = [];
  vi.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    warnings.push(String(warning));
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (userValue === undefined) delete process.env[SDK_NODE_WARNING_SWITCH];
  else process.env[SDK_NODE_WARNING_SWITCH] = userValue;
});

describe("the AWS SDK's Node version warning", () => {
  it('is what the SDK prints under Node 20 unless told otherwise', () => {
    emitWarningIfUnsupportedVersion('v20.19.0');

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^NodeVersionSupportWarning: .*require node >=22/s);
  });

  it('is silenced for the process and the processes it starts', () => {
    silenceSdkNodeVersionWarning();
    emitWarningIfUnsupportedVersion('v20.19.0');

    expect(warnings).toEqual([]);
    expect(process.env[SDK_NODE_WARNING_SWITCH]).toBe('true');
  });

  it('leaves other warnings alone', () => {
    silenceSdkNodeVersionWarning();
    process.emitWarning('the cache folder is read-only');

    expect(warnings).toEqual(['the cache folder is read-only']);
  });

  it('keeps a value the user set', () => {
    const env: NodeJS.ProcessEnv = { [SDK_NODE_WARNING_SWITCH]: 'false' };
    silenceSdkNodeVersionWarning(env);

    expect(env[SDK_NODE_WARNING_SWITCH]).toBe('false');
  });
});
