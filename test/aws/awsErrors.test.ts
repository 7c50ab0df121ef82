import { describe, expect, it } from 'vitest';
import { classifyAwsError, parseAccessDenied, toOpsdeskError } from '../../src/main/aws/awsErrors';
import { awsError, connectionReset } from './fakes';

describe('sorting AWS errors', () => {
  it.each([
    ['AccessDenied', 'access-denied'],
    ['AccessDeniedException', 'access-denied'],
    ['ExpiredTokenException', 'expired-credentials'],
    ['UnrecognizedClientException', 'expired-credentials'],
    ['ThrottlingException', 'throttled'],
    ['TooManyRequestsException', 'throttled'],
    ['AbortError', 'cancelled'],
    ['ClusterNotFoundException', 'other'],
  ])('%s is %s', (name, kind) => {
    expect(classifyAwsError(awsError(name, 'x'))).toBe(kind);
  });

  it('counts HTTP 429 as throttling whatever the error is called', () => {
    expect(classifyAwsError(awsError('Unknown', 'x', { $metadata: { httpStatusCode: 429 } }))).toBe(
      'throttled',
    );
  });

  it('counts a reset connection as a network failure', () => {
    expect(classifyAwsError(connectionReset())).toBe('network');
  });
});

describe('access denied messages', () => {
  it('reads action and resource from the Query protocol wording of RDS and STS', () => {
    expect(
      parseAccessDenied(
        'User: arn:aws:sts::123456789012:assumed-role/ops/ana is not authorized to perform: ' +
          'rds:DescribeDBSnapshots on resource: arn:aws:rds:eu-west-1:123456789012:db:demo-db',
      ),
    ).toEqual({
      action: 'rds:DescribeDBSnapshots',
      resource: 'arn:aws:rds:eu-west-1:123456789012:db:demo-db',
    });
  });

  it('falls back to what Opsdesk was doing when AWS does not say', () => {
    const error = toOpsdeskError(awsError('AccessDeniedException', 'Access denied'), {
      action: 'ecr:DescribeImages',
      resource: 'demo/web',
    });

    expect(error.message).toBe(
      'Access denied: the role is not allowed ecr:DescribeImages on demo/web. ' +
        'Ask your AWS administrator to grant it (see iam-policy.json).',
    );
  });
});

describe('missing credentials', () => {
  it('passes on what the SDK could not find', () => {
    const error = toOpsdeskError(
      Object.assign(new Error('Could not resolve credentials using profile: [ops]'), {
        name: 'CredentialsProviderError',
      }),
      { action: 'sts:GetCallerIdentity' },
    );

    expect(error.message).toBe(
      'No AWS credentials could be found: Could not resolve credentials using profile: [ops]',
    );
  });
});
