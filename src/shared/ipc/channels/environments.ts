import { z } from 'zod';
import { emptyRequest } from './app';
import { event, request } from './declare';

/** An environment as the renderer sees it: what it is called and where it runs. */
export interface ActiveEnvironmentInfo {
  name: string;
  label: string;
  region: string;
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

/** Channels for choosing the environment. */
export const environmentRequestChannels = {
  'env:list': request<EnvironmentList>()(emptyRequest),
  'env:activate': request<ActiveEnvironmentInfo>()(
    z.object({ name: z.string().min(1).max(100) }).strict(),
  ),
  'env:identity': request<CallerIdentityInfo>()(emptyRequest),
};

/** Events about the environment. */
export const environmentEventChannels = {
  'env:changed': event<ActiveEnvironmentInfo>(),
};
