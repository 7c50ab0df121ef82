import type { Random } from '../random';
import type { RdsRecord } from '../state';
import { XmlList } from '../wire/xml';

const RDS_ARN = 'arn:aws:rds:eu-west-1:123456789012';
const DAY_MS = 86_400_000;

/** The demo database instance (PostgreSQL), in the XML shape of DescribeDBInstances. */
export function demoDbInstance(random: Random, now: number, resourceId: string): RdsRecord {
  return {
    DBInstanceIdentifier: 'demo-db',
    DBInstanceClass: 'db.t4g.medium',
    Engine: 'postgres',
    DBInstanceStatus: 'available',
    MasterUsername: 'opsdesk',
    DBName: 'demo',
    Endpoint: {
      Address: `demo-db.c${random.hex(11)}.eu-west-1.rds.amazonaws.com`,
      Port: 5432,
      HostedZoneId: 'Z29XKXDKYMONMX',
    },
    AllocatedStorage: 100,
    InstanceCreateTime: new Date(now - 400 * DAY_MS),
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: 7,
    VpcSecurityGroups: new XmlList('VpcSecurityGroupMembership', [
      { VpcSecurityGroupId: `sg-${random.hex(17)}`, Status: 'active' },
    ]),
    AvailabilityZone: 'eu-west-1a',
    PreferredMaintenanceWindow: 'sun:04:00-sun:04:30',
    LatestRestorableTime: new Date(now - 5 * 60_000),
    MultiAZ: false,
    EngineVersion: '16.4',
    AutoMinorVersionUpgrade: true,
    PubliclyAccessible: false,
    StorageType: 'gp3',
    StorageEncrypted: true,
    DbiResourceId: resourceId,
    DBInstanceArn: `${RDS_ARN}:db:demo-db`,
    DeletionProtection: true,
    TagList: new XmlList('Tag', [{ Key: 'environment', Value: 'demo' }]),
  };
}

/** A snapshot of the demo database, in the XML shape of DescribeDBSnapshots. */
export function demoDbSnapshot(
  identifier: string,
  type: 'automated' | 'manual',
  createdAt: number,
  resourceId: string,
  status: 'available' | 'creating' = 'available',
  percentProgress = 100,
): RdsRecord {
  return {
    DBSnapshotIdentifier: identifier,
    DBInstanceIdentifier: 'demo-db',
    SnapshotCreateTime: new Date(createdAt),
    Engine: 'postgres',
    AllocatedStorage: 100,
    Status: status,
    Port: 5432,
    AvailabilityZone: 'eu-west-1a',
    VpcId: 'vpc-0demo0000000000a',
    InstanceCreateTime: new Date(createdAt - 400 * DAY_MS),
    MasterUsername: 'opsdesk',
    EngineVersion: '16.4',
    LicenseModel: 'postgresql-license',
    SnapshotType: type,
    PercentProgress: percentProgress,
    StorageType: 'gp3',
    Encrypted: true,
    DBSnapshotArn: `${RDS_ARN}:snapshot:${identifier}`,
    OriginalSnapshotCreateTime: new Date(createdAt),
    SnapshotTarget: 'region',
    DbiResourceId: resourceId,
    TagList: new XmlList('Tag', []),
  };
}

/** Three automated nightly snapshots (03:10 UTC) and two manual ones. */
export function demoDbSnapshots(now: number, resourceId: string): RdsRecord[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const nightly = today + (3 * 60 + 10) * 60_000;
  const lastNight = nightly <= now ? nightly : nightly - DAY_MS;
  const automated = [2, 1, 0].map((daysBack) => {
    const createdAt = lastNight - daysBack * DAY_MS;
    const stamp = new Date(createdAt).toISOString().slice(0, 16).replace(/[T:]/g, '-');
    return demoDbSnapshot(`rds:demo-db-${stamp}`, 'automated', createdAt, resourceId);
  });
  const manual = [
    demoDbSnapshot('demo-db-pre-release-2-3', 'manual', now - 20 * DAY_MS, resourceId),
    demoDbSnapshot('demo-db-before-migration-42', 'manual', now - 9 * DAY_MS, resourceId),
  ];
  return [...manual, ...automated];
}
