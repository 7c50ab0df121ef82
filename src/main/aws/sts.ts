import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { OpsdeskError } from '../../shared/result';
import { readCall, type CallOptions, type CallPolicy } from './awsCall';

/** IAM actions this module can call. GetCallerIdentity needs no permission. */
export const STS_ACTIONS = ['sts:GetCallerIdentity'] as const;

/** Who the credentials belong to: the ARN every journal entry records. */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** The STS operations Opsdesk uses: only finding out who it is. */
export class StsOperations {
  constructor(
    private readonly client: STSClient,
    private readonly policy: CallPolicy,
  ) {}

  /** Returns the account and ARN of the credentials in use. */
  async getCallerIdentity(options?: CallOptions): Promise<CallerIdentity> {
    const output = await readCall(
      { action: 'sts:GetCallerIdentity' },
      this.policy,
      options,
      (abortSignal) => this.client.send(new GetCallerIdentityCommand({}), { abortSignal }),
    );
    if (!output.Account || !output.Arn || !output.UserId) {
      throw new OpsdeskError('aws', 'sts:GetCallerIdentity answered without an account or ARN.');
    }
    return { account: output.Account, arn: output.Arn, userId: output.UserId };
  }
}
