import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { DescribeDBSnapshotsCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EcrOperations } from '../../src/main/aws/ecr';
import { LogsOperations } from '../../src/main/aws/logs';
import { RdsOperations } from '../../src/main/aws/rds';
import { StsOperations } from '../../src/main/aws/sts';
import { awsError, recordingPolicy, TEST_CREDENTIALS } from './fakes';

const logsMock = mockClient(CloudWatchLogsClient);
const ecrMock = mockClient(ECRClient);
const rdsMock = mockClient(RDSClient);
const stsMock = mockClient(STSClient);
const clientConfig = { region: 'eu-west-1', credentials: TEST_CREDENTIALS };

beforeEach(() => {
  logsMock.reset();
  ecrMock.reset();
  rdsMock.reset();
  stsMock.reset();
});

async function allPages<Page>(pages: AsyncIterable<Page>): Promise<Page[]> {
  const seen: Page[] = [];
  for await (const page of pages) seen.push(page);
  return seen;
}

describe('pulling CloudWatch log events', () => {
  it('keeps following FilterLogEvents through empty pages while a token remains', async () => {
    logsMock
      .on(FilterLogEventsCommand, { nextToken: undefined })
      .resolves({ events: [{ eventId: '1', message: 'start' }], nextToken: 'n1' })
      .on(FilterLogEventsCommand, { nextToken: 'n1' })
      .resolves({ events: [], nextToken: 'n2' })
      .on(FilterLogEventsCommand, { nextToken: 'n2' })
      .resolves({ events: [{ eventId: '2', message: 'end' }] });
    const logs = new LogsOperations(new CloudWatchLogsClient(clientConfig), recordingPolicy());

    const pages = await allPages(
      logs.filterLogEventPages({ logGroupName: '/ecs/demo/web', startTime: 1_000, pageSize: 500 }),
    );

    expect(pages.flatMap((page) => page.events?.map((event) => event.message))).toEqual([
      'start',
      'end',
    ]);
    // The SDK paginator reuses one input object, so only the fixed fields are comparable.
    expect(logsMock.commandCalls(FilterLogEventsCommand)[0].args[0].input).toMatchObject({
      logGroupName: '/ecs/demo/web',
      startTime: 1_000,
      limit: 500,
    });
  });

  it('stops reading a stream when GetLogEvents returns the same forward token', async () => {
    logsMock
      .on(GetLogEventsCommand, { nextToken: undefined })
      .resolves({ events: [{ message: 'a' }], nextForwardToken: 'f/1' })
      .on(GetLogEventsCommand, { nextToken: 'f/1' })
      .resolves({ events: [{ message: 'b' }], nextForwardToken: 'f/2' })
      .on(GetLogEventsCommand, { nextToken: 'f/2' })
      .resolves({ events: [], nextForwardToken: 'f/2' });
    const logs = new LogsOperations(new CloudWatchLogsClient(clientConfig), recordingPolicy());

    const pages = await allPages(
      logs.logStreamPages({ logGroupName: '/ecs/demo/web', logStreamName: 'web/1' }),
    );

    expect(pages.flatMap((page) => page.events?.map((event) => event.message))).toEqual(['a', 'b']);
    expect(logsMock.commandCalls(GetLogEventsCommand)).toHaveLength(3);
    expect(logsMock.commandCalls(GetLogEventsCommand)[0].args[0].input.startFromHead).toBe(true);
  });

  it('sends Logs Insights times in seconds', async () => {
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    const logs = new LogsOperations(new CloudWatchLogsClient(clientConfig), recordingPolicy());

    const queryId = await logs.startQuery({
      logGroupNames: ['/ecs/demo/web'],
      queryString: 'fields @message',
      startTime: 1_700_000_000_500,
      endTime: 1_700_000_100_200,
    });

    expect(queryId).toBe('q-1');
    expect(logsMock.commandCalls(StartQueryCommand)[0].args[0].input).toMatchObject({
      startTime: 1_700_000_000,
      endTime: 1_700_000_101,
    });
  });
});

describe('listing images and snapshots', () => {
  it('follows every page of DescribeImages', async () => {
    ecrMock
      .on(DescribeImagesCommand, { nextToken: undefined })
      .resolves({ imageDetails: [{ imageDigest: 'sha256:aa' }], nextToken: 'i2' })
      .on(DescribeImagesCommand, { nextToken: 'i2' })
      .resolves({ imageDetails: [{ imageDigest: 'sha256:bb' }] });
    const ecr = new EcrOperations(new ECRClient(clientConfig), recordingPolicy());

    const images = await ecr.describeImages('demo/web');

    expect(images.map((image) => image.imageDigest)).toEqual(['sha256:aa', 'sha256:bb']);
  });

  it('follows every page of DescribeDBSnapshots by marker, for the named instance', async () => {
    rdsMock
      .on(DescribeDBSnapshotsCommand, { Marker: undefined })
      .resolves({ DBSnapshots: [{ DBSnapshotIdentifier: 'rds:demo-db-1' }], Marker: 'm2' })
      .on(DescribeDBSnapshotsCommand, { Marker: 'm2' })
      .resolves({ DBSnapshots: [{ DBSnapshotIdentifier: 'manual-1' }] });
    const rds = new RdsOperations(new RDSClient(clientConfig), recordingPolicy());

    const snapshots = await rds.describeDbSnapshots('demo-db');

    expect(snapshots.map((snapshot) => snapshot.DBSnapshotIdentifier)).toEqual([
      'rds:demo-db-1',
      'manual-1',
    ]);
    expect(
      rdsMock
        .commandCalls(DescribeDBSnapshotsCommand)
        .map((call) => call.args[0].input.DBInstanceIdentifier),
    ).toEqual(['demo-db', 'demo-db']);
  });

  it('waits out throttling in the middle of the pages, without losing one', async () => {
    const policy = recordingPolicy();
    ecrMock
      .on(DescribeImagesCommand, { nextToken: undefined })
      .resolves({ imageDetails: [{ imageDigest: 'sha256:aa' }], nextToken: 'i2' })
      .on(DescribeImagesCommand, { nextToken: 'i2' })
      .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'))
      .resolves({ imageDetails: [{ imageDigest: 'sha256:bb' }] });
    const ecr = new EcrOperations(new ECRClient(clientConfig), policy);

    const images = await ecr.describeImages('demo/web');

    expect(images.map((image) => image.imageDigest)).toEqual(['sha256:aa', 'sha256:bb']);
    expect(policy.waits).toEqual([2_000]);
    expect(ecrMock.commandCalls(DescribeImagesCommand)).toHaveLength(3);
  });
});

describe('finding out who Opsdesk is signed in as', () => {
  it('returns the account and ARN', async () => {
    stsMock.on(GetCallerIdentityCommand).resolves({
      Account: '123456789012',
      Arn: 'arn:aws:sts::123456789012:assumed-role/ops/ana',
      UserId: 'AROA:ana',
    });
    const sts = new StsOperations(new STSClient(clientConfig), recordingPolicy());

    await expect(sts.getCallerIdentity()).resolves.toEqual({
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/ops/ana',
      userId: 'AROA:ana',
    });
  });

  it('asks to sign in again when the SSO session behind the credentials expired', async () => {
    stsMock.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error('The SSO session associated with this profile has expired.'), {
        name: 'CredentialsProviderError',
      }),
    );
    const sts = new StsOperations(new STSClient(clientConfig), recordingPolicy());

    await expect(sts.getCallerIdentity()).rejects.toMatchObject({
      message:
        'Your AWS sign-in has expired or is no longer valid (sts:GetCallerIdentity). Sign in again.',
    });
  });
});
