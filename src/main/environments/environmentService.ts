import { SANDBOX_ENVIRONMENT_NAME, endpointOf, type Environment } from '../../shared/environments';
import type {
  ActiveEnvironmentInfo,
  EnvironmentList,
} from '../../shared/ipc/channels/environments';
import { OpsdeskError } from '../../shared/result';
import {
  createAwsClients,
  type AwsClientOptions,
  type AwsClients,
  type AwsIdentityProvider,
} from '../aws';
import type { CallerIdentity } from '../aws/sts';
import { createLogger } from '../logger';
import { loadEnvironments } from './loadEnvironments';
import { createCredentialPrompts, type CredentialPrompts } from './prompts/credentialPrompts';
import { promptedCredentials, type ProfileResolution } from './prompts/promptedCredentials';

const logger = createLogger('environments');

/** The environment in use and the client layer bound to it. */
export interface ActiveEnvironment {
  environment: Environment;
  clients: AwsClients;
}

/** A local AWS-compatible server the sandbox environment talks to. */
export interface SandboxEndpoint {
  endpoint: string;
  close(): Promise<void>;
}

/** What the environment service needs from its surroundings. */
export interface EnvironmentServiceOptions {
  configDir: string;
  /** An environments file named on the command line. */
  extraFile?: string;
  /** Which environment to open first; the sandbox when not given. */
  initial?: string;
  /** Starts the sandbox the first time the sandbox environment is used. */
  startSandbox: () => Promise<SandboxEndpoint>;
  /** Fixed credentials and call policy, passed to the client layer. */
  clientOptions?: Omit<AwsClientOptions, 'mfaCodeProvider' | 'ssoLogin'>;
  /** Asks the user for MFA codes and IAM Identity Center sign-ins; one is made when not given. */
  prompts?: CredentialPrompts;
  /** The SDK's profile chain; tests pass fakes. */
  profileResolution?: ProfileResolution;
}

/**
 * Which environment is active, its AWS clients, and who the caller is.
 *
 * Every status, workflow and log-pull service asks this for the current
 * clients instead of holding its own, so switching environments switches them all.
 */
export interface EnvironmentService {
  list(): Promise<EnvironmentList>;
  current(): Promise<ActiveEnvironment>;
  /**
   * An environment by name with clients of its own, whether it is active or not;
   * the caller owns the clients and destroys them. Lets runs be watched in any environment.
   */
  clientsFor(name: string): Promise<ActiveEnvironment>;
  activate(name: string): Promise<ActiveEnvironmentInfo>;
  /** The caller identity of the active environment, asked of STS once per activation. */
  identity(): Promise<CallerIdentity>;
  /** Calls the listener after every switch; returns the function that stops it. */
  onChanged(listener: (info: ActiveEnvironmentInfo) => void): () => void;
  /** MFA codes and sign-ins the credentials wait for, answered from the UI. */
  prompts: CredentialPrompts;
  dispose(): Promise<void>;
}

/** An environment opened once, with the clients and credentials made for it. */
interface OpenedEnvironment extends ActiveEnvironment {
  credentials: AwsIdentityProvider | undefined;
}

/** Creates the environment service; nothing is loaded or started until first use. */
export function createEnvironmentService(options: EnvironmentServiceOptions): EnvironmentService {
  let sandbox: Promise<SandboxEndpoint> | undefined;
  let active: ActiveEnvironment | undefined;
  let identity: Promise<CallerIdentity> | undefined;
  let activeCredentials: AwsIdentityProvider | undefined;
  let activeName = options.initial ?? SANDBOX_ENVIRONMENT_NAME;
  const prompts = options.prompts ?? createCredentialPrompts();
  const listeners = new Set<(info: ActiveEnvironmentInfo) => void>();

  const sandboxEndpoint = async () => (await (sandbox ??= options.startSandbox())).endpoint;

  const load = async () =>
    loadEnvironments({
      configDir: options.configDir,
      extraFile: options.extraFile,
      sandboxEndpoint:
        activeName === SANDBOX_ENVIRONMENT_NAME ? await sandboxEndpoint() : undefined,
    });

  async function find(name: string): Promise<Environment> {
    if (name === SANDBOX_ENVIRONMENT_NAME) await sandboxEndpoint();
    const { environments } = await loadEnvironments({
      configDir: options.configDir,
      extraFile: options.extraFile,
      sandboxEndpoint: sandbox ? await sandboxEndpoint() : undefined,
    });
    const environment = environments.find((candidate) => candidate.name === name);
    if (!environment) {
      throw new OpsdeskError('not-found', `There is no environment named "${name}".`);
    }
    return environment;
  }

  // Clients stay alive per environment once opened: a run started before a
  // switch keeps watching with the clients it started with. Definitions that
  // changed on disk get new clients; the old ones are closed at dispose.
  const opened = new Map<string, OpenedEnvironment>();
  const superseded: AwsClients[] = [];

  async function open(name: string): Promise<ActiveEnvironment> {
    const environment = await find(name);
    let entry = opened.get(name);
    if (!entry || JSON.stringify(entry.environment) !== JSON.stringify(environment)) {
      if (entry) superseded.push(entry.clients);
      const credentials = credentialsOf(environment);
      entry = {
        environment,
        credentials,
        clients: createAwsClients(environment, {
          ...options.clientOptions,
          ...(credentials ? { credentials } : {}),
        }),
      };
      opened.set(name, entry);
    }
    activeCredentials = entry.credentials;
    active = { environment: entry.environment, clients: entry.clients };
    activeName = name;
    identity = undefined;
    logger.info(`active environment: ${name} (${environment.region})`);
    return active;
  }

  // Fixed credentials win; a local endpoint needs none; a profile may ask the user.
  const credentialsOf = (environment: Environment): AwsIdentityProvider | undefined => {
    if (options.clientOptions?.credentials || endpointOf(environment)) return undefined;
    return promptedCredentials(environment, prompts, options.profileResolution);
  };

  const info = (environment: Environment): ActiveEnvironmentInfo => ({
    name: environment.name,
    label: environment.label ?? environment.name,
    region: environment.region,
    ...(environment.accountId ? { accountId: environment.accountId } : {}),
    readOnly: environment.readOnly,
    isSandbox: environment.name === SANDBOX_ENVIRONMENT_NAME,
  });

  const service: EnvironmentService = {
    async list() {
      const { environments, problems } = await load();
      return {
        environments: environments.map(info),
        active: activeName,
        problems: problems.map((problem) => problem.text),
      };
    },

    current: async () => active ?? open(activeName),

    async clientsFor(name) {
      const environment = await find(name);
      const credentials = credentialsOf(environment);
      const clients = createAwsClients(environment, {
        ...options.clientOptions,
        ...(credentials ? { credentials } : {}),
      });
      return { environment, clients };
    },

    async activate(name) {
      const { environment } = await open(name);
      const activated = info(environment);
      for (const listener of listeners) listener(activated);
      return activated;
    },

    async identity() {
      const { clients } = await service.current();
      // Credentials first, outside the call's deadline: the user may take a
      // minute to type an MFA code or to sign in in the browser.
      const credentials = activeCredentials;
      identity ??= (async () => {
        await credentials?.();
        return clients.sts.getCallerIdentity();
      })().catch((error: unknown) => {
        identity = undefined;
        throw error;
      });
      return identity;
    },

    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    prompts,

    async dispose() {
      for (const { clients } of opened.values()) clients.destroy();
      for (const clients of superseded) clients.destroy();
      if (sandbox) await (await sandbox).close();
    },
  };
  return service;
}
