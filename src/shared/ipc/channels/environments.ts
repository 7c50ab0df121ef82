import { z } from 'zod';
import { emptyRequest } from './app';
import { event, request } from './declare';

/** An environment as the renderer sees it: what it is called and where it runs. */
export interface ActiveEnvironmentInfo {
  name: string;
  label: string;
  region: string;
  /** The account the profile says it is for, when it says; the caller identity tells the truth. */
  accountId?: string;
  readOnly: boolean;
  isSandbox: boolean;
}

/** The environments the user can switch between, and problems found loading them. */
export interface EnvironmentList {
  environments: ActiveEnvironmentInfo[];
  active: string;
  /** One line per problem, naming the file, the environment and the field. */
  problems: string[];
}

/** Who the active environment's credentials belong to. */
export interface CallerIdentityInfo {
  account: string;
  arn: string;
  userId: string;
}

/** The main process waits for the current code of an MFA device before it can assume a role. */
export interface MfaPrompt {
  requestId: string;
  /** The environment whose credentials need the code. */
  environment: string;
  /** The MFA device's serial number or ARN, as the profile names it. */
  serialNumber: string;
}

/** An IAM Identity Center sign-in waiting for the user to confirm a code in a browser. */
export interface SsoLoginPrompt {
  loginId: string;
  environment: string;
  /** The code the verification page shows, for the user to compare. */
  userCode: string;
  verificationUri: string;
  /** When the code stops working, in milliseconds since the epoch. */
  expiresAt: number;
  /** Whether the main process can open the page in the system browser (Electron). */
  canOpen: boolean;
}

/** How a sign-in ended. */
export interface SsoLoginEnd {
  loginId: string;
  outcome: 'signed-in' | 'failed' | 'cancelled';
  message?: string;
}

/** Every credentials prompt still waiting for the user, for a window that opens late. */
export interface CredentialPromptList {
  mfa: MfaPrompt[];
  ssoLogins: SsoLoginPrompt[];
}

const promptId = z.string().min(1).max(100);

/** Channels for choosing the environment and answering its credentials prompts. */
export const environmentRequestChannels = {
  'env:list': request<EnvironmentList>()(emptyRequest),
  'env:activate': request<ActiveEnvironmentInfo>()(
    z.object({ name: z.string().min(1).max(100) }).strict(),
  ),
  'env:identity': request<CallerIdentityInfo>()(emptyRequest),
  'env:prompts': request<CredentialPromptList>()(emptyRequest),
  'env:answerMfa': request<null>()(
    z
      .object({
        requestId: promptId,
        code: z.string().regex(/^\d{6}$/, 'must be the 6 digits the MFA device shows'),
      })
      .strict(),
  ),
  'env:cancelMfa': request<null>()(z.object({ requestId: promptId }).strict()),
  'env:openSsoPage': request<null>()(z.object({ loginId: promptId }).strict()),
  'env:cancelSsoLogin': request<null>()(z.object({ loginId: promptId }).strict()),
};

/** Events about the environment and its credentials. */
export const environmentEventChannels = {
  'env:changed': event<ActiveEnvironmentInfo>(),
  'env:mfaRequested': event<MfaPrompt>(),
  /** The MFA prompt was answered, cancelled or timed out, here or in another window. */
  'env:mfaSettled': event<{ requestId: string }>(),
  'env:ssoLogin': event<SsoLoginPrompt>(),
  'env:ssoLoginEnded': event<SsoLoginEnd>(),
};
