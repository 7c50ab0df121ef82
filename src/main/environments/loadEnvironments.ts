import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  SANDBOX_ENVIRONMENT_NAME,
  environmentSchema,
  environmentsFileSchema,
  type Environment,
} from '../../shared/environments';
import { createLogger } from '../logger';
import { ENVIRONMENTS_FILE_NAME } from './configFolder';
import { sandboxEnvironment } from './sandboxEnvironment';

const logger = createLogger('environments');

/** Something wrong in an environments file, located as precisely as possible. */
export interface EnvironmentProblem {
  /** The file's name as the user sees it in messages, e.g. `environments.json`. */
  file: string;
  /** The environment's name, or `#3` when it has none. */
  environment?: string;
  /** Where in the environment, e.g. `workflows[2].functionName`. */
  field?: string;
  message: string;
  /** The whole problem in one line, for the UI and the command line. */
  text: string;
}

/** The environments to offer, built-in sandbox first, and what was wrong on the way. */
export interface LoadedEnvironments {
  environments: Environment[];
  problems: EnvironmentProblem[];
}

/** Where to look for environment profiles. */
export interface LoadEnvironmentsOptions {
  /** The config folder: Electron's userData path, else `defaultConfigFolder()`. */
  configDir: string;
  /** A further file named on the command line; it must exist. */
  extraFile?: string;
  /** The running sandbox's endpoint, once known. */
  sandboxEndpoint?: string;
}

/**
 * Loads the environment profiles, validating each one on its own.
 *
 * A broken environment is left out and reported, so one typo does not hide
 * every other environment; the sandbox is always there.
 */
export async function loadEnvironments(
  options: LoadEnvironmentsOptions,
): Promise<LoadedEnvironments> {
  const environments: Environment[] = [sandboxEnvironment(options.sandboxEndpoint)];
  const problems: EnvironmentProblem[] = [];
  const files = [
    { filePath: path.join(options.configDir, ENVIRONMENTS_FILE_NAME), optional: true },
  ];
  if (options.extraFile) files.push({ filePath: options.extraFile, optional: false });

  for (const { filePath, optional } of files) {
    const loaded = await loadEnvironmentsFile(filePath, optional);
    problems.push(...loaded.problems);
    for (const environment of loaded.environments) {
      const fileName = path.basename(filePath);
      if (environments.some((known) => known.name === environment.name)) {
        problems.push(
          problem(fileName, environment.name, 'name', 'is already used by another environment'),
        );
        continue;
      }
      environments.push(environment);
    }
  }

  for (const found of problems) logger.warn(found.text);
  return { environments, problems };
}

/** Reads and validates one environments file; a missing optional file is no problem. */
export async function loadEnvironmentsFile(
  filePath: string,
  optional = false,
): Promise<LoadedEnvironments> {
  const fileName = path.basename(filePath);
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && code === 'ENOENT') return { environments: [], problems: [] };
    const reason = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'error'})`;
    return { environments: [], problems: [problem(fileName, undefined, undefined, reason)] };
  }
  return parseEnvironmentsText(text, fileName);
}

/** Validates the text of an environments file; pure, so tests need no files. */
export function parseEnvironmentsText(text: string, fileName: string): LoadedEnvironments {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = `is not valid JSON: ${(error as Error).message}`;
    return { environments: [], problems: [problem(fileName, undefined, undefined, reason)] };
  }

  const file = environmentsFileSchema.safeParse(json, { error: requiredMessage });
  if (!file.success) {
    const issue = file.error.issues[0];
    return {
      environments: [],
      problems: [problem(fileName, undefined, formatPath(issue.path), issue.message)],
    };
  }

  const environments: Environment[] = [];
  const problems: EnvironmentProblem[] = [];
  file.data.environments.forEach((raw, index) => {
    const label = environmentLabel(raw, index);
    const parsed = environmentSchema.safeParse(raw, { error: requiredMessage });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(problem(fileName, label, formatPath(issue.path), issue.message));
      }
      return;
    }
    if (parsed.data.name === SANDBOX_ENVIRONMENT_NAME) {
      problems.push(problem(fileName, label, 'name', 'is reserved for the built-in sandbox'));
      return;
    }
    environments.push(parsed.data);
  });
  return { environments, problems };
}

// Zod's default says "expected string, received undefined"; users need "Required".
function requiredMessage(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : undefined;
}

function environmentLabel(raw: unknown, index: number): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' ? name : `#${index + 1}`;
}

function formatPath(segments: readonly PropertyKey[]): string | undefined {
  if (segments.length === 0) return undefined;
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function problem(
  file: string,
  environment: string | undefined,
  field: string | undefined,
  message: string,
): EnvironmentProblem {
  const where = [
    environment === undefined ? undefined : `environment "${environment}"`,
    field === undefined ? undefined : `field ${field}`,
  ].filter((part) => part !== undefined);
  const text = `${file}: ${where.length > 0 ? `${where.join(', ')}: ` : ''}${message}`;
  return { file, environment, field, message, text };
}
