import type { QueryOperation } from '../context';

/** The API version STS requests carry. */
export const STS_VERSION = '2011-06-15';
/** The namespace of STS's XML answers. */
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The STS operations Opsdesk uses, by action. */
export const stsOperations: Record<string, QueryOperation> = {
  GetCallerIdentity: (_params, context) => {
    const { callerArn, callerUserId, accountId } = context.world.facts;
    return { UserId: callerUserId, Account: accountId, Arn: callerArn };
  },
};
