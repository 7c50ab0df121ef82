import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The IAM Identity Center sign-in a shared-config profile relies on. */
export interface SsoSignIn {
  /** The `[sso-session NAME]` section, absent for the older per-profile settings. */
  sessionName?: string;
  startUrl: string;
  /** The region of the Identity Center instance, not of the environment. */
  region: string;
  scopes: string[];
}

/** Where the AWS shared config file is, as the AWS CLI and SDK decide it. */
export function sharedConfigPath(
  environmentVariables: NodeJS.ProcessEnv = process.env,
  homeFolder: string = os.homedir(),
): string {
  return environmentVariables.AWS_CONFIG_FILE ?? path.join(homeFolder, '.aws', 'config');
}

/**
 * Finds the Identity Center sign-in of a profile, or undefined when it uses none.
 *
 * Only the fields Opsdesk needs to run the device login are read; the SDK
 * reads the same file again for everything else.
 */
export async function readSsoSignIn(
  profile: string,
  configPath: string = sharedConfigPath(),
): Promise<SsoSignIn | undefined> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    return undefined;
  }
  return ssoSignInFromConfig(parseIniSections(text), profile);
}

/** The sign-in of a profile, from already parsed config sections. */
export function ssoSignInFromConfig(
  sections: Map<string, Record<string, string>>,
  profile: string,
): SsoSignIn | undefined {
  const settings =
    sections.get(`profile ${profile}`) ??
    (profile === 'default' ? sections.get('default') : undefined);
  if (!settings) return undefined;

  const sessionName = settings.sso_session;
  if (sessionName) {
    const session = sections.get(`sso-session ${sessionName}`);
    if (!session?.sso_start_url || !session.sso_region) return undefined;
    const scopes = (session.sso_registration_scopes ?? 'sso:account:access')
      .split(',')
      .map((scope) => scope.trim())
      .filter(Boolean);
    return { sessionName, startUrl: session.sso_start_url, region: session.sso_region, scopes };
  }

  if (settings.sso_start_url && settings.sso_region) {
    return { startUrl: settings.sso_start_url, region: settings.sso_region, scopes: [] };
  }
  return undefined;
}

/** Parses the INI dialect of the AWS config file into sections of key/value pairs. */
export function parseIniSections(text: string): Map<string, Record<string, string>> {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\s+|\s+$/g, '');
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;

    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      const name = header[1].replace(/\s+/g, ' ');
      current = sections.get(name) ?? {};
      sections.set(name, current);
      continue;
    }

    // Indented lines continue a nested setting (e.g. s3 =); Opsdesk reads none of those.
    const assignment = /^([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (assignment && current && !/^\s/.test(rawLine)) current[assignment[1]] = assignment[2];
  }
  return sections;
}
