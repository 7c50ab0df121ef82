import type { QueryOperation } from '../context';
import { AwsError } from '../errors';
import { pageOfList } from '../paging';
import type { RdsRecord } from '../state';
import { queryListValues, type QueryParams } from '../wire/query';
import { XmlList } from '../wire/xml';

/** The API version RDS requests carry. */
export const RDS_VERSION = '2014-10-31';
/** The namespace of RDS's XML answers. */
export const RDS_XMLNS = 'http://rds.amazonaws.com/doc/2014-10-31/';

/** Reads `Filters.Filter.N.Name` / `Filters.Filter.N.Values.Value.M` into a map. */
function readFilters(params: QueryParams): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (let index = 1; params[`Filters.Filter.${index}.Name`] !== undefined; index++) {
    filters.set(
      params[`Filters.Filter.${index}.Name`],
      queryListValues(params, `Filters.Filter.${index}.Values.Value`),
    );
  }
  return filters;
}

function markerPage(
  records: RdsRecord[],
  params: QueryParams,
  operation: string,
  context: Parameters<QueryOperation>[1],
) {
  const maxRecords = params.MaxRecords ? Number(params.MaxRecords) : 100;
  if (!Number.isInteger(maxRecords) || maxRecords < 20 || maxRecords > 100) {
    throw new AwsError(
      'InvalidParameterValue',
      'Invalid value for parameter MaxRecords, value must be between 20 and 100.',
    );
  }
  const invalidMarker = () => new AwsError('InvalidParameterValue', 'Invalid marker.');
  return pageOfList(
    records,
    { nextToken: params.Marker, limit: maxRecords },
    context.pageShapes.get(operation),
    100,
    invalidMarker,
  );
}

const describeDBInstances: QueryOperation = (params, context) => {
  const filters = readFilters(params);
  const wanted = params.DBInstanceIdentifier;
  const ids = filters.get('db-instance-id');
  const instances = context.world.rds.instances.filter(
    (instance) =>
      (!wanted || instance.DBInstanceIdentifier === wanted) &&
      (!ids || ids.includes(String(instance.DBInstanceIdentifier))),
  );
  if (wanted && instances.length === 0) {
    throw new AwsError('DBInstanceNotFound', `DBInstance ${wanted} not found.`, 404);
  }
  const page = markerPage(instances, params, 'DescribeDBInstances', context);
  return { DBInstances: new XmlList('DBInstance', page.items), Marker: page.nextToken };
};

const describeDBSnapshots: QueryOperation = (params, context) => {
  const filters = readFilters(params);
  const instance = params.DBInstanceIdentifier ?? filters.get('db-instance-id')?.[0];
  const snapshotId = params.DBSnapshotIdentifier ?? filters.get('db-snapshot-id')?.[0];
  const type = params.SnapshotType ?? filters.get('snapshot-type')?.[0];

  if (
    instance &&
    !context.world.rds.instances.some((candidate) => candidate.DBInstanceIdentifier === instance)
  ) {
    return { DBSnapshots: new XmlList('DBSnapshot', []) };
  }
  const snapshots = context.world.rds.snapshots
    .filter((snapshot) => !instance || snapshot.DBInstanceIdentifier === instance)
    .filter((snapshot) => !snapshotId || snapshot.DBSnapshotIdentifier === snapshotId)
    .filter((snapshot) => !type || snapshot.SnapshotType === type);
  if (snapshotId && snapshots.length === 0) {
    throw new AwsError('DBSnapshotNotFound', `DBSnapshot ${snapshotId} not found.`, 404);
  }
  const page = markerPage(snapshots, params, 'DescribeDBSnapshots', context);
  return { DBSnapshots: new XmlList('DBSnapshot', page.items), Marker: page.nextToken };
};

/** The demo account has no Aurora clusters: these answer empty lists or not-found, as RDS does. */
const describeDBClusters: QueryOperation = (params) => {
  if (params.DBClusterIdentifier) {
    throw new AwsError(
      'DBClusterNotFoundFault',
      `DBCluster ${params.DBClusterIdentifier} not found.`,
      404,
    );
  }
  return { DBClusters: new XmlList('DBCluster', []) };
};

const describeDBClusterSnapshots: QueryOperation = (params) => {
  if (params.DBClusterSnapshotIdentifier) {
    throw new AwsError(
      'DBClusterSnapshotNotFoundFault',
      `DBClusterSnapshot ${params.DBClusterSnapshotIdentifier} not found.`,
      404,
    );
  }
  return { DBClusterSnapshots: new XmlList('DBClusterSnapshot', []) };
};

/** The RDS operations Opsdesk uses, by action. */
export const rdsOperations: Record<string, QueryOperation> = {
  DescribeDBInstances: describeDBInstances,
  DescribeDBSnapshots: describeDBSnapshots,
  DescribeDBClusters: describeDBClusters,
  DescribeDBClusterSnapshots: describeDBClusterSnapshots,
};
