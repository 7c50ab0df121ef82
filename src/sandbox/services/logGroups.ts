import type { SandboxContext } from '../context';
import { AwsError } from '../errors';
import type { LogGroup } from '../logs/store';

/** The X-Amz-Target prefix of CloudWatch Logs. */
export const LOGS_TARGET = 'Logs_20140328';

/** The ARN of a log group, as DescribeLogGroups reports it (`arn` ends with `:*`). */
export function logGroupArn(context: SandboxContext, name: string): string {
  const { region, accountId } = context.world.facts;
  return `arn:aws:logs:${region}:${accountId}:log-group:${name}`;
}

/** Finds the group a request names by `logGroupName` or `logGroupIdentifier` (a name or an ARN). */
export function requireLogGroup(
  context: SandboxContext,
  request: { logGroupName?: string; logGroupIdentifier?: string },
): LogGroup {
  if (request.logGroupName && request.logGroupIdentifier) {
    throw new AwsError(
      'InvalidParameterException',
      'LogGroup name and LogGroup ARN are mutually exclusive parameters.',
    );
  }
  const reference = request.logGroupName ?? request.logGroupIdentifier;
  if (!reference)
    throw new AwsError(
      'InvalidParameterException',
      'Either logGroupName or logGroupIdentifier must be specified.',
    );
  const name = reference.startsWith('arn:')
    ? reference.split(':log-group:')[1]?.replace(/:\*$/, '')
    : reference;
  const group = name ? context.world.logs.get(name) : undefined;
  if (!group)
    throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
  return group;
}
