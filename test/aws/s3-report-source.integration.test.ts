// The link service's S3 adapter against s3rver seen through the link role's exact grants (taken from
// the synthesized template): no listing, GetObject on workbooks and summaries only. A missing
// workbook then answers 403, as real S3 does, and must still read as "gone", not as a failure.

import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3ReportSource } from '#aws/s3-report-source.js';
import type { ReportSource } from '#links/report-source.js';
import { buildStack } from '../infra/support/build-stack.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { type S3RoleProxy, startS3RoleProxy } from '../support/aws-s3-role-proxy.js';

const BUCKET = 'chargeback-reports';
const WORKBOOK = 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx';
const OLDER = 'reports/monthly/2026/devin-acu-chargeback-2026-09.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** The link role's GetObject resources, as key patterns: `reports/*.xlsx`, … */
function linkRoleKeyPatterns(): string[] {
  const template = Template.fromStack(buildStack({ distributedRuns: 'false' }).stack);
  const statements = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy).includes('ReadServedReports'))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const read = statements.find((statement) => statement.Sid === 'ReadServedReports');
  const resources = [read?.Resource].flat() as { 'Fn::Join': [string, [unknown, string]] }[];
  return resources.map((resource) => resource['Fn::Join'][1][1].replace(/^\//, ''));
}

describe('the link service’s S3 source, as its role sees the bucket', () => {
  let aws: AwsEmulators;
  let proxy: S3RoleProxy;
  let owner: S3Client;
  let linkRole: S3Client;
  let source: ReportSource;
  let patterns: string[];

  beforeAll(async () => {
    patterns = linkRoleKeyPatterns();
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    proxy = await startS3RoleProxy(aws.s3.endpoint, BUCKET, patterns);
    const client = (endpoint: string) =>
      new S3Client({
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
    owner = client(aws.s3.endpoint);
    linkRole = client(proxy.endpoint);
    source = s3ReportSource(linkRole, BUCKET);
    const put = (Key: string, Body: string, ContentType: string, Metadata?: Record<string, string>) =>
      owner.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body, ContentType, Metadata }));
    await put(WORKBOOK, 'the workbook', XLSX, { period: '2026-10' });
    await put(WORKBOOK.replace('.xlsx', '.summary.json'), '{"not":"a summary"}', 'application/json');
    await put(OLDER, 'an older workbook without a summary', XLSX, { period: '2026-09' });
    await put('reports/markers/monthly/2026-10.email.json', '{"downloadUrl":"…"}', 'application/json');
    await put('reports/config/cost-centres.csv', 'org,cost centre', 'text/csv');
    await put('reports/monthly/2026/devin-acu-chargeback-2026-10.sessions.csv.gz', 'rows', 'text/csv');
  }, 60_000);

  afterAll(async () => {
    owner?.destroy();
    linkRole?.destroy();
    await proxy?.close();
    await aws?.stop();
  });

  it('is granted workbooks and their summaries under the prefix, nothing else', () => {
    expect(patterns).toEqual(['reports/*.xlsx', 'reports/*.summary.json']);
  });

  it('finds a workbook, and reads a workbook the role may not list as gone, not as a failure', async () => {
    expect(await source.find(WORKBOOK)).toMatchObject({ key: WORKBOOK, metadata: { period: '2026-10' } });
    const missing = 'reports/monthly/2026/devin-acu-chargeback-2026-08.xlsx';
    expect(await source.find(missing)).toBeUndefined();
    expect(proxy.refused).toContain(`HEAD ${missing}`);
  });

  it('reads the summary beside a workbook, and falls back when an older report has none', async () => {
    const file = await source.find(WORKBOOK);
    if (!file) throw new Error('expected the workbook');
    // Read (not refused), but not a summary document: the page falls back to the metadata.
    expect(await source.summary(file)).toBeUndefined();
    expect(proxy.refused).not.toContain(`GET ${WORKBOOK.replace('.xlsx', '.summary.json')}`);
    const older = await source.find(OLDER);
    if (!older) throw new Error('expected the older workbook');
    expect(await source.summary(older)).toBeUndefined();
    expect(proxy.refused).toContain(`GET ${OLDER.replace('.xlsx', '.summary.json')}`);
  });

  it('presigns a GET of the workbook that the role’s grant lets through', async () => {
    const file = await source.find(WORKBOOK);
    if (!file) throw new Error('expected the workbook');
    const response = await fetch(await source.downloadUrl(file, new Date()));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('the workbook');
  });

  it('cannot read the email markers, the map or the exports, even if the code asked', async () => {
    for (const key of [
      'reports/markers/monthly/2026-10.email.json',
      'reports/config/cost-centres.csv',
      'reports/monthly/2026/devin-acu-chargeback-2026-10.sessions.csv.gz',
    ]) {
      const error = await linkRole.send(new GetObjectCommand({ Bucket: BUCKET, Key: key })).catch((e) => e);
      expect(error?.$metadata?.httpStatusCode, key).toBe(403);
    }
  });
});
