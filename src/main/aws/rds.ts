import {
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBSnapshots,
  type DBCluster,
  type DBClusterSnapshot,
  type DBInstance,
  type DBSnapshot,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { collectPages, readPages, type CallOptions, type CallPolicy } from './awsCall';

/** IAM actions this module can call. */
export const RDS_ACTIONS = [
  'rds:DescribeDBInstances',
  'rds:DescribeDBSnapshots',
  'rds:DescribeDBClusters',
  'rds:DescribeDBClusterSnapshots',
] as const;

/**
 * The RDS operations Opsdesk uses: databases and their snapshots.
 *
 * Every call names one instance or cluster: a call without one would need
 * permission on every database of the account.
 */
export class RdsOperations {
  constructor(
    private readonly client: RDSClient,
    private readonly policy: CallPolicy,
  ) {}

  /** Describes database instances by identifier, one request each. */
  async describeDbInstances(instanceIds: string[], options?: CallOptions): Promise<DBInstance[]> {
    const instances: DBInstance[] = [];
    for (const instanceId of instanceIds) {
      instances.push(...(await this.describeDbInstance(instanceId, options)));
    }
    return instances;
  }

  private async describeDbInstance(
    instanceId: string,
    options?: CallOptions,
  ): Promise<DBInstance[]> {
    const pages = readPages(
      { action: 'rds:DescribeDBInstances', resource: instanceId },
      this.policy,
      options,
      (Marker, abortSignal) =>
        paginateDescribeDBInstances(
          { client: this.client, startingToken: Marker },
          { DBInstanceIdentifier: instanceId },
          { abortSignal },
        ),
      (page) => page.Marker,
    );
    return collectPages(pages, (page) => page.DBInstances);
  }

  /**
   * Every snapshot of an instance, automated and manual, every page followed.
   *
   * RDS leaves AWS Backup's snapshots out unless asked with `snapshotType: 'awsbackup'`.
   */
  async describeDbSnapshots(
    instanceId: string,
    options?: CallOptions,
    snapshotType?: 'awsbackup',
  ): Promise<DBSnapshot[]> {
    const pages = readPages(
      { action: 'rds:DescribeDBSnapshots', resource: instanceId },
      this.policy,
      options,
      (Marker, abortSignal) =>
        paginateDescribeDBSnapshots(
          { client: this.client, startingToken: Marker },
          {
            DBInstanceIdentifier: instanceId,
            ...(snapshotType ? { SnapshotType: snapshotType } : {}),
          },
          { abortSignal },
        ),
      (page) => page.Marker,
    );
    return collectPages(pages, (page) => page.DBSnapshots);
  }

  /** Describes Aurora or Multi-AZ database clusters by identifier, one request each. */
  async describeDbClusters(clusterIds: string[], options?: CallOptions): Promise<DBCluster[]> {
    const clusters: DBCluster[] = [];
    for (const clusterId of clusterIds) {
      clusters.push(...(await this.describeDbCluster(clusterId, options)));
    }
    return clusters;
  }

  private async describeDbCluster(clusterId: string, options?: CallOptions): Promise<DBCluster[]> {
    const pages = readPages(
      { action: 'rds:DescribeDBClusters', resource: clusterId },
      this.policy,
      options,
      (Marker, abortSignal) =>
        paginateDescribeDBClusters(
          { client: this.client, startingToken: Marker },
          { DBClusterIdentifier: clusterId },
          { abortSignal },
        ),
      (page) => page.Marker,
    );
    return collectPages(pages, (page) => page.DBClusters);
  }

  /** Every snapshot of a cluster, automated and manual, every page followed. */
  async describeDbClusterSnapshots(
    clusterId: string,
    options?: CallOptions,
  ): Promise<DBClusterSnapshot[]> {
    const pages = readPages(
      { action: 'rds:DescribeDBClusterSnapshots', resource: clusterId },
      this.policy,
      options,
      (Marker, abortSignal) =>
        paginateDescribeDBClusterSnapshots(
          { client: this.client, startingToken: Marker },
          { DBClusterIdentifier: clusterId },
          { abortSignal },
        ),
      (page) => page.Marker,
    );
    return collectPages(pages, (page) => page.DBClusterSnapshots);
  }
}
