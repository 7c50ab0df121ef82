import { randomUUID } from 'node:crypto';
import type { MfaPrompt } from '../../../shared/ipc/channels/environments';
import { OpsdeskError } from '../../../shared/result';
import type { MfaCodeProvider } from '../../aws';
import { createLogger } from '../../logger';
import { createListeners } from './listeners';

const logger = createLogger('mfa-prompt');

/** How long a code request waits for the user before the sign-in fails. */
export const MFA_PROMPT_TIMEOUT_MS = 5 * 60_000;

/** Requests for MFA codes the UI answers. */
export interface MfaPrompts {
  /** What the SDK calls for a code, for one environment's credentials. */
  codeProvider(environment: string): MfaCodeProvider;
  answer(requestId: string, code: string): void;
  cancel(requestId: string): void;
  /** The requests still waiting, oldest first. */
  pending(): MfaPrompt[];
  onRequested(listener: (prompt: MfaPrompt) => void): () => void;
  onSettled(listener: (settled: { requestId: string }) => void): () => void;
}

/** What the MFA prompts need from outside; tests shorten the wait. */
export interface MfaPromptOptions {
  timeoutMs?: number;
  createId?: () => string;
}

interface Waiting {
  prompt: MfaPrompt;
  resolve(code: string): void;
  reject(error: OpsdeskError): void;
}

/**
 * Creates the MFA prompts: the SDK asks for a code, an event asks the UI, and
 * the answer comes back as a request.
 *
 * A request nobody answers fails after a while, so a sign-in never hangs
 * when no window is open.
 */
export function createMfaPrompts(options: MfaPromptOptions = {}): MfaPrompts {
  const timeoutMs = options.timeoutMs ?? MFA_PROMPT_TIMEOUT_MS;
  const createId = options.createId ?? randomUUID;
  const waiting = new Map<string, Waiting>();
  const requested = createListeners<MfaPrompt>();
  const settled = createListeners<{ requestId: string }>();

  const take = (requestId: string): Waiting => {
    const found = waiting.get(requestId);
    if (!found) {
      throw new OpsdeskError('not-found', 'That MFA code is no longer asked for.');
    }
    waiting.delete(requestId);
    settled.emit({ requestId });
    return found;
  };

  return {
    codeProvider: (environment) => (serialNumber) =>
      new Promise<string>((resolve, reject) => {
        const prompt: MfaPrompt = { requestId: createId(), environment, serialNumber };
        const timer = setTimeout(() => {
          if (!waiting.has(prompt.requestId)) return;
          take(prompt.requestId);
          logger.warn(`no MFA code entered for ${environment} in time`);
          reject(
            new OpsdeskError(
              'cancelled',
              `No MFA code was entered for ${environment} within ${Math.round(timeoutMs / 60_000)} minutes.`,
            ),
          );
        }, timeoutMs);
        waiting.set(prompt.requestId, {
          prompt,
          resolve: (code) => {
            clearTimeout(timer);
            resolve(code);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        logger.info(`asking for the MFA code of ${serialNumber} for ${environment}`);
        requested.emit(prompt);
      }),

    answer(requestId, code) {
      take(requestId).resolve(code);
    },

    cancel(requestId) {
      const { prompt, reject } = take(requestId);
      reject(new OpsdeskError('cancelled', `Signing in to ${prompt.environment} was cancelled.`));
    },

    pending: () => [...waiting.values()].map((entry) => entry.prompt),
    onRequested: requested.add,
    onSettled: settled.add,
  };
}
