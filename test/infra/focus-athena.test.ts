import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { focusColumns } from '#focus/focus-columns.js';
import { DEFAULT_BYTES_SCANNED_CUTOFF } from '../../infra/constructs/focus-athena.js';
import { buildStack } from './support/build-stack.js';

const SYNTH_TIMEOUT = 120_000;

interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}
interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

function only(template: Template, type: string): [string, CfnResource] {
  const found = Object.entries(template.findResources(type)) as [string, CfnResource][];
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0] as [string, CfnResource];
}

describe.each([
  { name: 'defaults', context: {}, prefix: 'reports/' },
  {
    name: 'an existing bucket and prefix',
    context: { bucketName: 'acme-finance', reportPrefix: 'devin/cb/' },
    prefix: 'devin/cb/',
  },
])('the FOCUS Athena resources with $name', ({ context, prefix }) => {
  let template: Template;
  let table: Record<string, unknown>;
  let bucketRef: unknown;
  beforeAll(() => {
    template = Template.fromStack(buildStack(context).stack);
    table = (only(template, 'AWS::Glue::Table')[1].Properties.TableInput ?? {}) as Record<string, unknown>;
    // The report bucket by its logical id: the access-log and Athena results buckets are versioned too.
    const reports = Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('ReportBucketReports'),
    );
    bucketRef = reports === undefined ? 'acme-finance' : { Ref: reports[0] };
  }, SYNTH_TIMEOUT);

  const location = (suffix: string) =>
    typeof bucketRef === 'string'
      ? `s3://${bucketRef}/${prefix}focus/${suffix}`
      : { 'Fn::Join': ['', ['s3://', bucketRef, `/${prefix}focus/${suffix}`]] };

  it('has a Glue database named devin_chargeback', () => {
    const [, database] = only(template, 'AWS::Glue::Database');
    expect(database.Properties.DatabaseInput).toMatchObject({ Name: 'devin_chargeback' });
  });

  it('has the external Parquet table devin_focus with every dataset column, lower case, and x_costcentre', () => {
    expect(table.Name).toBe('devin_focus');
    expect(table.TableType).toBe('EXTERNAL_TABLE');
    const descriptor = table.StorageDescriptor as {
      Columns: { Name: string; Type: string }[];
      Location: unknown;
      SerdeInfo: { SerializationLibrary: string };
      InputFormat: string;
    };
    expect(descriptor.Columns.map((c) => c.Name)).toEqual(
      focusColumns({ costCentres: true }).map((c) => c.name.toLowerCase()),
    );
    const type = (name: string) => descriptor.Columns.find((c) => c.Name === name)?.Type;
    expect(type('billedcost')).toBe('decimal(38,18)');
    expect(type('contractedunitprice')).toBe('decimal(38,6)');
    expect(type('pricingquantity')).toBe('decimal(38,12)');
    expect(type('chargeperiodstart')).toBe('timestamp');
    expect(type('tags')).toBe('string');
    expect(type('x_costcentre')).toBe('string');
    expect(descriptor.SerdeInfo.SerializationLibrary).toBe(
      'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    );
    expect(descriptor.InputFormat).toBe('org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat');
    expect(descriptor.Location).toEqual(location(''));
    expect(table.PartitionKeys).toEqual([{ Name: 'billing_period', Type: 'string', Comment: 'YYYY-MM' }]);
  });

  it('projects billing_period by month from 2024-01 to now: no crawler, no MSCK REPAIR', () => {
    expect(table.Parameters).toEqual({
      EXTERNAL: 'TRUE',
      classification: 'parquet',
      'projection.enabled': 'true',
      'projection.billing_period.type': 'date',
      'projection.billing_period.format': 'yyyy-MM',
      'projection.billing_period.range': '2024-01,NOW',
      'projection.billing_period.interval': '1',
      'projection.billing_period.interval.unit': 'MONTHS',
      'storage.location.template': location(`billing_period=\${billing_period}/`),
    });
    template.resourceCountIs('AWS::Glue::Crawler', 0);
  });

  it('has a workgroup that enforces its own SSE-S3 results location and a bytes-scanned limit', () => {
    const [, workGroup] = only(template, 'AWS::Athena::WorkGroup');
    const [resultsId, results] = Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('FocusResults'),
    ) as [string, CfnResource];
    expect(workGroup.Properties).toMatchObject({
      Name: 'DevinChargeback-focus',
      State: 'ENABLED',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: DEFAULT_BYTES_SCANNED_CUTOFF,
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: resultsId }, '/results/']] },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
        },
      },
    });
    expect(results.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('grants querying exactly: this workgroup, this table, the monthly partitions, the results folder', () => {
    const [, policy] = only(template, 'AWS::IAM::ManagedPolicy');
    const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
    const bySid = new Map(statements.map((s) => [s.Sid, s]));
    expect([...bySid.keys()]).toEqual([
      'RunQueriesInTheFocusWorkGroup',
      'ReadTheFocusTableDefinition',
      'ReadTheFocusPartitions',
      'ListTheFocusPartitions',
      'LocateBuckets',
      'WriteAndReadQueryResults',
      'ListQueryResults',
    ]);
    const all = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(
      all.every((a) => !a.includes('*')),
      'no wildcard actions',
    ).toBe(true);
    expect(
      all.filter((a) =>
        /^s3:(Delete|PutBucket)|^glue:(Create|Update|Delete)|^athena:(Create|Update|Delete)/.test(a),
      ),
    ).toEqual([]);
    expect(JSON.stringify(bySid.get('RunQueriesInTheFocusWorkGroup')?.Resource)).toContain(
      'workgroup/DevinChargeback-focus',
    );
    expect(JSON.stringify(bySid.get('ReadTheFocusTableDefinition')?.Resource)).toContain(
      'table/devin_chargeback/devin_focus',
    );
    expect(JSON.stringify(bySid.get('ReadTheFocusPartitions')?.Resource)).toContain(
      `/${prefix}focus/billing_period=*`,
    );
    expect(bySid.get('ListTheFocusPartitions')?.Condition).toEqual({
      StringLike: { 's3:prefix': [`${prefix}focus/billing_period=*`] },
    });
  });

  it('names the database, table, workgroup, results bucket and query policy in the outputs', () => {
    const outputs = template.findOutputs('*');
    expect(outputs.FocusGlueDatabase?.Value).toBe('devin_chargeback');
    expect(outputs.FocusTable?.Value).toBe('devin_chargeback.devin_focus');
    expect(outputs.FocusAthenaWorkGroup?.Value).toBe('DevinChargeback-focus');
    expect(outputs.FocusAthenaResultsBucket?.Value).toEqual({ Ref: expect.stringMatching(/^FocusResults/) });
    expect(outputs.FocusQueryPolicyArn?.Value).toEqual({ Ref: expect.stringMatching(/^FocusQueryPolicy/) });
    expect(outputs.FocusDatasetLocation?.Value).toEqual(location(''));
  });
});

describe('the FOCUS deploy settings', () => {
  it(
    'pass the CSV switch and billing account to the function, and the database and scan limit to Athena',
    () => {
      const template = Template.fromStack(
        buildStack({
          focusCsv: 'true',
          focusBillingAccountId: 'acme-enterprise',
          focusBillingAccountName: 'Acme Corp',
          focusDatabase: 'finops',
          focusBytesScannedLimit: '50000000',
          // The link service and the distributed steps are other functions; this test is about the report function's settings.
          durableLinks: 'false',
          distributedRuns: 'false',
        }).stack,
      );
      const [, fn] = only(template, 'AWS::Lambda::Function');
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        FOCUS_CSV: 'true',
        FOCUS_BILLING_ACCOUNT_ID: 'acme-enterprise',
        FOCUS_BILLING_ACCOUNT_NAME: 'Acme Corp',
      });
      expect(only(template, 'AWS::Glue::Database')[1].Properties.DatabaseInput).toMatchObject({
        Name: 'finops',
      });
      expect(only(template, 'AWS::Athena::WorkGroup')[1].Properties).toMatchObject({
        WorkGroupConfiguration: { BytesScannedCutoffPerQuery: 50_000_000 },
      });
    },
    SYNTH_TIMEOUT,
  );

  it('refuses a database name Athena would change and a scan limit Athena refuses, naming each', () => {
    expect(() => buildStack({ focusDatabase: 'Devin-FOCUS', focusBytesScannedLimit: '5' })).toThrow(
      /focusDatabase = "Devin-FOCUS": must be lower-case[\s\S]*focusBytesScannedLimit = "5": must be at least 10000000/,
    );
  });
});
