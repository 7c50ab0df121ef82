import type { DBCluster, DBClusterSnapshot, DBInstance, DBSnapshot } from '@aws-sdk/client-rds';
import type { Environment } from '../../shared/environments';
import type { DatabaseStatus, SnapshotOrigin, SnapshotStatus } from '../../shared/status';
import type { AwsClients } from '../aws';
import { messageOf } from './messageOf';
import type { RateBudget } from './rateBudget';

type Databases = Pick<Environment, 'databases'>;

/**
 * Every database instance and cluster the environment names, with its
 * snapshots (manual, automated and AWS Backup), newest first.
 *
 * A database that cannot be read carries its problem; the others are listed.
 */
export async function listDatabases(
  clients: Pick<AwsClients, 'rds'>,
  environment: Databases,
  budget: RateBudget,
): Promise<DatabaseStatus[]> {
  const { instances, clusters } = environment.databases;
  return Promise.all([
    ...instances.map((identifier) => instanceStatus(clients, identifier, budget)),
    ...clusters.map((identifier) => clusterStatus(clients, identifier, budget)),
  ]);
}

/** The snapshots a database could be restored from, over every database, newest first. */
export function listSnapshots(
  databases: readonly DatabaseStatus[],
): (SnapshotStatus & { database: string })[] {
  return databases
    .flatMap((database) =>
      database.snapshots.map((snapshot) => ({ ...snapshot, database: database.identifier })),
    )
    .sort(newestFirst);
}

async function instanceStatus(
  clients: Pick<AwsClients, 'rds'>,
  identifier: string,
  budget: RateBudget,
): Promise<DatabaseStatus> {
  try {
    const [described, snapshots, backups] = await Promise.all([
      budget.run((options) => clients.rds.describeDbInstances([identifier], options)),
      budget.run((options) => clients.rds.describeDbSnapshots(identifier, options)),
      budget.run((options) => clients.rds.describeDbSnapshots(identifier, options, 'awsbackup')),
    ]);
    const instance: DBInstance | undefined = described[0];
    return {
      kind: 'instance',
      identifier,
      status: instance?.DBInstanceStatus ?? 'unknown',
      engine: instance?.Engine ?? null,
      engineVersion: instance?.EngineVersion ?? null,
      instanceClass: instance?.DBInstanceClass ?? null,
      snapshots: uniqueSnapshots([...snapshots, ...backups].map(fromInstanceSnapshot)),
      problem: null,
    };
  } catch (error) {
    return unreadable('instance', identifier, error);
  }
}

async function clusterStatus(
  clients: Pick<AwsClients, 'rds'>,
  identifier: string,
  budget: RateBudget,
): Promise<DatabaseStatus> {
  try {
    const [described, snapshots] = await Promise.all([
      budget.run((options) => clients.rds.describeDbClusters([identifier], options)),
      budget.run((options) => clients.rds.describeDbClusterSnapshots(identifier, options)),
    ]);
    const cluster: DBCluster | undefined = described[0];
    return {
      kind: 'cluster',
      identifier,
      status: cluster?.Status ?? 'unknown',
      engine: cluster?.Engine ?? null,
      engineVersion: cluster?.EngineVersion ?? null,
      instanceClass: null,
      snapshots: uniqueSnapshots(snapshots.map(fromClusterSnapshot)),
      problem: null,
    };
  } catch (error) {
    return unreadable('cluster', identifier, error);
  }
}

function unreadable(
  kind: DatabaseStatus['kind'],
  identifier: string,
  error: unknown,
): DatabaseStatus {
  return {
    kind,
    identifier,
    status: 'unknown',
    engine: null,
    engineVersion: null,
    instanceClass: null,
    snapshots: [],
    problem: messageOf(error),
  };
}

function fromInstanceSnapshot(snapshot: DBSnapshot): SnapshotStatus {
  return {
    snapshotId: snapshot.DBSnapshotIdentifier ?? '',
    origin: originOf(snapshot.SnapshotType),
    status: snapshot.Status ?? 'unknown',
    createdAt: snapshot.SnapshotCreateTime?.toISOString() ?? null,
    allocatedGiB: snapshot.AllocatedStorage ?? null,
    percentProgress: snapshot.PercentProgress ?? null,
  };
}

function fromClusterSnapshot(snapshot: DBClusterSnapshot): SnapshotStatus {
  return {
    snapshotId: snapshot.DBClusterSnapshotIdentifier ?? '',
    origin: originOf(snapshot.SnapshotType),
    status: snapshot.Status ?? 'unknown',
    createdAt: snapshot.SnapshotCreateTime?.toISOString() ?? null,
    allocatedGiB: snapshot.AllocatedStorage ?? null,
    percentProgress: snapshot.PercentProgress ?? null,
  };
}

function originOf(snapshotType: string | undefined): SnapshotOrigin {
  return snapshotType === 'manual' || snapshotType === 'automated' || snapshotType === 'awsbackup'
    ? snapshotType
    : 'other';
}

/** Drops a snapshot listed twice (a backup type answered by both calls) and sorts newest first. */
function uniqueSnapshots(snapshots: SnapshotStatus[]): SnapshotStatus[] {
  const byId = new Map(snapshots.map((snapshot) => [snapshot.snapshotId, snapshot]));
  return [...byId.values()].sort(newestFirst);
}

/** A snapshot still being created may have no time yet; it is the newest. */
function newestFirst(a: SnapshotStatus, b: SnapshotStatus): number {
  return (b.createdAt ?? '\uffff').localeCompare(a.createdAt ?? '\uffff');
}
