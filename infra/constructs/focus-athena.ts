import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { Effect, type IRole, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  COST_CENTRE_COLUMN,
  DECIMAL_PRECISION,
  FOCUS_COLUMNS,
  type FocusColumn,
  focusColumns,
} from '#focus/focus-columns.js';
import { FOCUS_FOLDER } from '#focus/focus-layout.js';
import { FOCUS_TABLE } from '#query/focus-table.js';
import { keyUseStatement } from '../kms-permissions.js';
import { acknowledgeWildcardResources } from '../nag/acknowledge-wildcard-resources.js';
import { acknowledgeNist, NIST_REASONS } from '../nag/nist-acknowledgements.js';

export interface FocusAthenaProps {
  readonly bucket: IBucket;
  /** The report prefix; the dataset lives under `<reportPrefix>focus/`. */
  readonly reportPrefix: string;
  /** The report function's role: it replaces a period's partition, so it may delete there. */
  readonly writerRole: IRole;
  /** Other roles that write the dataset the same way (the distributed run's merge step). */
  readonly extraWriterRoles?: readonly IRole[] | undefined;
  /** Glue database name (lower case, letters, digits and `_`). */
  readonly databaseName?: string | undefined;
  /** Athena stops any query of the workgroup that would scan more than this; default 10 GiB. */
  readonly bytesScannedCutoffPerQuery?: number | undefined;
  /** Days before query results expire; default 30. */
  readonly resultRetentionDays?: number | undefined;
  /** The stack key: results are SSE-KMS under it, and queriers may use it (the dataset is under it too). */
  readonly encryptionKey?: IKey | undefined;
}

export const DEFAULT_FOCUS_DATABASE = 'devin_chargeback';
export const DEFAULT_BYTES_SCANNED_CUTOFF = 10 * 1024 ** 3;
/** The first month the table projects; months before hold no data and cost nothing to skip. */
export const PROJECTION_START = '2024-01';

/**
 * Athena over the FOCUS dataset: a Glue database and the external table
 * `devin_focus` with partition projection on `billing_period` (no crawler, no
 * MSCK REPAIR: a new month is queryable the moment its object lands), a
 * workgroup that enforces its own encrypted results bucket and a per-query
 * scan limit, and a managed policy that grants exactly what querying needs.
 */
export class FocusAthena extends Construct {
  readonly databaseName: string;
  readonly tableName = FOCUS_TABLE;
  readonly workGroupName: string;
  readonly resultsBucket: Bucket;
  readonly queryPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: FocusAthenaProps) {
    super(scope, id);
    const { bucket } = props;
    const stack = Stack.of(this);
    this.databaseName = props.databaseName ?? DEFAULT_FOCUS_DATABASE;
    const root = `${props.reportPrefix}${FOCUS_FOLDER}`;
    const location = `s3://${bucket.bucketName}/${root}`;

    const database = new CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: {
        name: this.databaseName,
        description: 'Devin ACU chargeback: the FOCUS Cost and Usage dataset',
      },
    });

    const table = new CfnTable(this, 'Table', {
      catalogId: Aws.ACCOUNT_ID,
      databaseName: this.databaseName,
      tableInput: {
        name: FOCUS_TABLE,
        description: 'Devin ACUs and cost as FOCUS 1.3 Cost and Usage rows, one partition per billing month',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys: [{ name: 'billing_period', type: 'string', comment: 'YYYY-MM' }],
        parameters: {
          EXTERNAL: 'TRUE',
          classification: 'parquet',
          'projection.enabled': 'true',
          'projection.billing_period.type': 'date',
          'projection.billing_period.format': 'yyyy-MM',
          'projection.billing_period.range': `${PROJECTION_START},NOW`,
          'projection.billing_period.interval': '1',
          'projection.billing_period.interval.unit': 'MONTHS',
          'storage.location.template': `${location}billing_period=\${billing_period}/`,
        },
        storageDescriptor: {
          location,
          columns: glueColumns(),
          inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
          serdeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
        },
      },
    });
    table.addResourceDependency(database);

    const key = props.encryptionKey;
    this.resultsBucket = new Bucket(this, 'Results', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      ...(key === undefined
        ? { encryption: BucketEncryption.S3_MANAGED }
        : { encryption: BucketEncryption.KMS, encryptionKey: key, bucketKeyEnabled: true }),
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Athena names every result by its query id and never rewrites one, so versions cost nothing;
      // they keep a result someone deleted for a day, then go with the result's expiry.
      versioned: true,
      // Results are copies of query answers, not records: they expire, and the bucket goes with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-query-results',
          expiration: Duration.days(props.resultRetentionDays ?? 30),
          noncurrentVersionExpiration: Duration.days(1),
        },
        // An expired result leaves a delete marker over no version; this removes the marker too.
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    Validations.of(this.resultsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Holds only Athena query results, which expire after days; who ran which query is in CloudTrail and the ' +
        "workgroup's query history, so access logs would record nothing new.",
    });
    acknowledgeNist(
      this.resultsBucket,
      'S3BucketLoggingEnabled',
      'Holds only Athena query results, which expire after days; who ran which query is in CloudTrail and the ' +
        "workgroup's query history, so access logs would record nothing new.",
    );
    acknowledgeNist(
      this.resultsBucket,
      'S3BucketReplicationEnabled',
      'Query results are copies that expire after days and are re-created by running the query again; the ' +
        'dataset they come from lives in the report bucket.',
    );
    if (key === undefined)
      acknowledgeNist(this.resultsBucket, 'S3DefaultEncryptionKMS', NIST_REASONS.bucketKey);

    const workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: `${stack.stackName}-focus`,
      description: 'Queries over the Devin FOCUS dataset, with its own encrypted results and a scan limit',
      recursiveDeleteOption: true,
      state: 'ENABLED',
      workGroupConfiguration: {
        // Users cannot point results elsewhere or lift the limit per query.
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? DEFAULT_BYTES_SCANNED_CUTOFF,
        resultConfiguration: {
          outputLocation: `s3://${this.resultsBucket.bucketName}/results/`,
          encryptionConfiguration:
            key === undefined
              ? { encryptionOption: 'SSE_S3' }
              : { encryptionOption: 'SSE_KMS', kmsKey: key.keyArn },
        },
      },
    });
    this.workGroupName = workGroup.name;

    this.queryPolicy = new ManagedPolicy(this, 'QueryPolicy', {
      description: 'Query the Devin FOCUS dataset in its Athena workgroup, and nothing else',
      statements: [
        ...queryStatements(this, {
          bucket,
          root,
          results: this.resultsBucket,
          databaseName: this.databaseName,
          workGroupName: this.workGroupName,
        }),
        // Reading the dataset decrypts; Athena writes results under the key with the querier's rights.
        ...(key === undefined ? [] : [keyUseStatement(key, 'read-write')]),
      ],
    });

    // The writer replaces a period's partition: one object by a single PUT, then the stale siblings go.
    const focusObjects = bucket.arnForObjects(`${root}*`);
    for (const writer of [props.writerRole, ...(props.extraWriterRoles ?? [])]) {
      writer.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'ReplaceFocusPartitions',
          effect: Effect.ALLOW,
          actions: ['s3:DeleteObject'],
          resources: [focusObjects],
        }),
      );
      acknowledgeWildcardResources(writer, [
        {
          resource: focusObjects,
          reason:
            "A rerun removes the period's earlier FOCUS files after the new one is in place; delete stops at the dataset folder.",
        },
      ]);
    }

    new CfnOutput(stack, 'FocusGlueDatabase', { value: this.databaseName });
    new CfnOutput(stack, 'FocusTable', { value: `${this.databaseName}.${FOCUS_TABLE}` });
    new CfnOutput(stack, 'FocusAthenaWorkGroup', { value: this.workGroupName });
    new CfnOutput(stack, 'FocusAthenaResultsBucket', { value: this.resultsBucket.bucketName });
    new CfnOutput(stack, 'FocusQueryPolicyArn', { value: this.queryPolicy.managedPolicyArn });
    new CfnOutput(stack, 'FocusDatasetLocation', { value: location });
  }
}

/**
 * The table's columns: every FOCUS and x_ column of the dataset, lower case
 * as Athena names them, and x_costcentre even before reports carry cost
 * centres (Parquet files without it read NULL), so the cost-centre query runs.
 */
export function glueColumns(): { name: string; type: string }[] {
  const columns = focusColumns({ costCentres: true });
  if (!columns.includes(COST_CENTRE_COLUMN) || columns.length <= FOCUS_COLUMNS.length) {
    throw new Error('the FOCUS column list lost its x_ columns');
  }
  return columns.map((column) => ({ name: column.name.toLowerCase(), type: glueType(column) }));
}

function glueType(column: FocusColumn): string {
  switch (column.type.kind) {
    case 'decimal':
      return `decimal(${DECIMAL_PRECISION},${column.type.scale})`;
    case 'datetime':
      return 'timestamp';
    case 'json':
    case 'string':
      return 'string';
  }
}

interface QueryScope {
  readonly bucket: IBucket;
  readonly root: string;
  readonly results: IBucket;
  readonly databaseName: string;
  readonly workGroupName: string;
}

function queryStatements(
  scope: Construct,
  { bucket, root, results, databaseName, workGroupName }: QueryScope,
): PolicyStatement[] {
  const stack = Stack.of(scope);
  const workGroupArn = stack.formatArn({
    service: 'athena',
    resource: 'workgroup',
    resourceName: workGroupName,
  });
  const focusData = bucket.arnForObjects(`${root}billing_period=*`);
  const resultObjects = results.arnForObjects('results/*');
  const statements = [
    new PolicyStatement({
      sid: 'RunQueriesInTheFocusWorkGroup',
      actions: [
        'athena:StartQueryExecution',
        'athena:StopQueryExecution',
        'athena:GetQueryExecution',
        'athena:GetQueryResults',
        'athena:GetQueryResultsStream',
        'athena:BatchGetQueryExecution',
        'athena:ListQueryExecutions',
        'athena:GetWorkGroup',
      ],
      resources: [workGroupArn],
    }),
    new PolicyStatement({
      sid: 'ReadTheFocusTableDefinition',
      actions: [
        'glue:GetDatabase',
        'glue:GetTable',
        'glue:GetTables',
        'glue:GetPartition',
        'glue:GetPartitions',
      ],
      resources: [
        stack.formatArn({ service: 'glue', resource: 'catalog' }),
        stack.formatArn({ service: 'glue', resource: 'database', resourceName: databaseName }),
        stack.formatArn({
          service: 'glue',
          resource: 'table',
          resourceName: `${databaseName}/${FOCUS_TABLE}`,
        }),
      ],
    }),
    new PolicyStatement({
      sid: 'ReadTheFocusPartitions',
      actions: ['s3:GetObject'],
      resources: [focusData],
    }),
    new PolicyStatement({
      sid: 'ListTheFocusPartitions',
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${root}billing_period=*`] } },
    }),
    new PolicyStatement({
      sid: 'LocateBuckets',
      actions: ['s3:GetBucketLocation'],
      resources: [bucket.bucketArn, results.bucketArn],
    }),
    new PolicyStatement({
      sid: 'WriteAndReadQueryResults',
      actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      resources: [resultObjects],
    }),
    new PolicyStatement({
      sid: 'ListQueryResults',
      actions: ['s3:ListBucket', 's3:ListBucketMultipartUploads'],
      resources: [results.bucketArn],
    }),
  ];
  acknowledgeWildcardResources(scope, [
    {
      resource: focusData,
      reason:
        "Partitions are named by month at run time; the read stops at the FOCUS dataset's monthly folders.",
    },
    {
      resource: resultObjects,
      reason: 'Athena names each result object by query id; the grant stops at the workgroup results folder.',
    },
  ]);
  return statements;
}
