import { createInterface } from 'node:readline/promises';
import {
  createCredentialPrompts,
  type CredentialPrompts,
} from '../main/environments/prompts/credentialPrompts';
import type { CliIo } from './cliIo';

/** Asks one question on the terminal and resolves to the answer typed. */
export type AskLine = (question: string) => Promise<string>;

/** Asks on stderr and reads stdin, so stdout stays clean for JSON. */
export const askOnTerminal: AskLine = async (question) => {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
};

/**
 * Credentials prompts for the command line: the MFA code is read from the
 * terminal, the IAM Identity Center page and code are printed to follow.
 */
export function terminalPrompts(io: CliIo, ask: AskLine = askOnTerminal): CredentialPrompts {
  const prompts = createCredentialPrompts();

  prompts.mfa.onRequested(({ requestId, environment, serialNumber }) => {
    void ask(`MFA code of ${serialNumber} for ${environment}: `).then((typed) => {
      const code = typed.trim();
      if (/^\d{6}$/.test(code)) prompts.mfa.answer(requestId, code);
      else {
        io.stderr('An MFA code is 6 digits.\n');
        prompts.mfa.cancel(requestId);
      }
    });
  });

  prompts.sso.onStarted(({ environment, verificationUri, userCode }) => {
    io.stderr(
      `Sign in to IAM Identity Center for ${environment}: open ${verificationUri}\n` +
        `and check that it shows the code ${userCode}. Waiting for the sign-in...\n`,
    );
  });
  prompts.sso.onEnded(({ outcome, message }) => {
    io.stderr(outcome === 'signed-in' ? 'Signed in.\n' : `Not signed in: ${message ?? outcome}\n`);
  });
  return prompts;
}
