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
    ...instances.map((identifier) => databaseStatus(clients, 'instance', identifier, budget)),
    ...clusters.map((identifier) => databaseStatus(clients, 'cluster', identifier, budget)),
  ]);
}

/** The snapshots a database could be restored from, over every database, newest first. */
export function listSnapshots(
  databases: readonly Pick<DatabaseStatus, 'identifier' | 'snapshots'>[],
): (SnapshotStatus & { database: string })[] {
  return databases
    .flatMap((database) =>
      database.snapshots.map((snapshot) => ({ ...snapshot, database: database.identifier })),
    )
    .sort(newestFirst);
}

/**
 * One database's snapshots, newest first: an instance's own (manual and
 * automated) and AWS Backup's, or a cluster's. Read on their own, they are
 * still listed when the database itself is gone: the case a restore is for.
 */
export async function readSnapshots(
  clients: Pick<AwsClients, 'rds'>,
  kind: DatabaseStatus['kind'],
  identifier: string,
  budget: RateBudget,
): Promise<SnapshotStatus[]> {
  if (kind === 'cluster') {
    const snapshots = await budget.run((options) =>
      clients.rds.describeDbClusterSnapshots(identifier, options),
    );
    return uniqueSnapshots(
      snapshots.map((snapshot) => toSnapshotStatus(snapshot.DBClusterSnapshotIdentifier, snapshot)),
    );
  }
  const [snapshots, backups] = await Promise.all([
    budget.run((options) => clients.rds.describeDbSnapshots(identifier, options)),
    budget.run((options) => clients.rds.describeDbSnapshots(identifier, options, 'awsbackup')),
  ]);
  return uniqueSnapshots(
    [...snapshots, ...backups].map((snapshot) =>
      toSnapshotStatus(snapshot.DBSnapshotIdentifier, snapshot),
    ),
  );
}

async function databaseStatus(
  clients: Pick<AwsClients, 'rds'>,
  kind: DatabaseStatus['kind'],
  identifier: string,
  budget: RateBudget,
): Promise<DatabaseStatus> {
  try {
    const [described, snapshots] = await Promise.all([
      describeDatabase(clients, kind, identifier, budget),
      readSnapshots(clients, kind, identifier, budget),
    ]);
    return { kind, identifier, ...described, snapshots, problem: null };
  } catch (error) {
    return unreadable(kind, identifier, error);
  }
}

type DatabaseFacts = Pick<DatabaseStatus, 'status' | 'engine' | 'engineVersion' | 'instanceClass'>;

async function describeDatabase(
  clients: Pick<AwsClients, 'rds'>,
  kind: DatabaseStatus['kind'],
  identifier: string,
  budget: RateBudget,
): Promise<DatabaseFacts> {
  if (kind === 'cluster') {
    const [cluster]: (DBCluster | undefined)[] = await budget.run((options) =>
      clients.rds.describeDbClusters([identifier], options),
    );
    return {
      status: cluster?.Status ?? 'unknown',
      engine: cluster?.Engine ?? null,
      engineVersion: cluster?.EngineVersion ?? null,
      instanceClass: null,
    };
  }
  const [instance]: (DBInstance | undefined)[] = await budget.run((options) =>
    clients.rds.describeDbInstances([identifier], options),
  );
  return {
    status: instance?.DBInstanceStatus ?? 'unknown',
    engine: instance?.Engine ?? null,
    engineVersion: instance?.EngineVersion ?? null,
    instanceClass: instance?.DBInstanceClass ?? null,
  };
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

/** A snapshot as status shows it; an instance's and a cluster's differ only in the id's name. */
function toSnapshotStatus(
  snapshotId: string | undefined,
  snapshot: DBSnapshot | DBClusterSnapshot,
): SnapshotStatus {
  return {
    snapshotId: snapshotId ?? '',
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
