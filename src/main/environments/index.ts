/** Environment profiles: where they live, how they load, and the built-in sandbox. */
export { SANDBOX_ENVIRONMENT_NAME } from '../../shared/environments';
export { defaultConfigFolder, ENVIRONMENTS_FILE_NAME } from './configFolder';
export {
  loadEnvironments,
  loadEnvironmentsFile,
  parseEnvironmentsText,
  type EnvironmentProblem,
  type LoadEnvironmentsOptions,
  type LoadedEnvironments,
} from './loadEnvironments';
export { SANDBOX_DEFAULT_ENDPOINT, sandboxEnvironment } from './sandboxEnvironment';
