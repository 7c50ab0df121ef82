import os from 'node:os';
import path from 'node:path';

/** The file in the config folder that lists the user's environments. */
export const ENVIRONMENTS_FILE_NAME = 'environments.json';

/**
 * The folder Opsdesk keeps its configuration in when Electron does not say.
 *
 * Electron's `app.getPath('userData')` is preferred; this is the same place
 * for the command line and browser mode, which run without Electron.
 */
export function defaultConfigFolder(
  platform: NodeJS.Platform = process.platform,
  environmentVariables: NodeJS.ProcessEnv = process.env,
  homeFolder: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData =
      environmentVariables.APPDATA ?? path.win32.join(homeFolder, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Opsdesk');
  }
  if (platform === 'darwin') {
    return path.posix.join(homeFolder, 'Library', 'Application Support', 'Opsdesk');
  }
  const configHome = environmentVariables.XDG_CONFIG_HOME || path.posix.join(homeFolder, '.config');
  return path.posix.join(configHome, 'opsdesk');
}
