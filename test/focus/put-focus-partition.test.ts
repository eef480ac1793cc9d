import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { parsePricing } from '#core/money/parse-pricing.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { focusFiles } from '#focus/focus-files.js';
import { putFocusPartition } from '#focus/put-focus-partition.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import { DIRECTORY, OCTOBER, SESSIONS } from '../core/report/reconciliation-scenario.js';
import { useLocalS3 } from '../support/aws-local-s3.js';
import { duckdb, sqlText } from './read-parquet.js';

const BUCKET = 'chargeback-reports';
const ROOT = 'reports/focus/';
let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});

const report = buildChargebackReport({
  period: OCTOBER,
  pricing: parsePricing('2.25', 'USD'),
  sessions: SESSIONS,
  directory: DIRECTORY,
});
const filesFor = (runId: string, csv: boolean) =>
  focusFiles(
    {
      report,
      sessions: SESSIONS,
      run: {
        runId,
        generatedAt: new Date('2026-11-01T06:00:00Z'),
        generator: 'devin-chargeback@test',
        apiHost: 'api.devin.ai',
        source: 'api',
        filters: { orgIds: [], userIds: [], tags: [] },
      },
      account: { id: 'acme', name: null },
    },
    { csv, now: new Date('2026-11-01T06:00:00Z') },
  );

async function keysUnder(prefix: string): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key ?? '').sort();
}

async function bytesOf(key: string): Promise<Buffer> {
  const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from((await response.Body?.transformToByteArray()) ?? []);
}

describe('putFocusPartition on an S3 emulator', () => {
  it('stores the month under billing_period=YYYY-MM with its schema, and a rerun replaces the partition', async () => {
    const first = await putFocusPartition(s3ObjectStore(s3, BUCKET), ROOT, filesFor('run-1', true), {
      'run-id': 'run-1',
    });
    expect(first).toMatchObject({
      parquetKey: 'reports/focus/billing_period=2026-10/devin-focus-2026-10.parquet',
      schemaKey: 'reports/focus/metadata/billing_period=2026-10/devin-focus-2026-10.schema.json',
      csvKey: 'reports/focus/csv/billing_period=2026-10/devin-focus-2026-10.csv.gz',
      rows: SESSIONS.length,
      removed: [],
    });
    // An object an older version left in the partition, and one in the month beside it.
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${ROOT}billing_period=2026-10/part-00000.parquet`,
        Body: 'old',
      }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${ROOT}billing_period=2026-09/devin-focus-2026-09.parquet`,
        Body: 'x',
      }),
    );

    const second = await putFocusPartition(s3ObjectStore(s3, BUCKET), ROOT, filesFor('run-2', false), {
      'run-id': 'run-2',
    });
    expect(second.removed).toEqual([
      `${ROOT}billing_period=2026-10/part-00000.parquet`,
      `${ROOT}csv/billing_period=2026-10/devin-focus-2026-10.csv.gz`,
    ]);
    expect(await keysUnder(`${ROOT}billing_period=2026-10/`)).toEqual([second.parquetKey]);
    expect(await keysUnder(`${ROOT}billing_period=2026-09/`), 'other months untouched').toHaveLength(1);
    expect(await keysUnder(`${ROOT}csv/`)).toEqual([]);

    // What is in S3 is the second run's file, whole: DuckDB reads it back.
    const local = join(tmpdir(), `focus-s3-${process.pid}.parquet`);
    await writeFile(local, await bytesOf(second.parquetKey));
    const db = await duckdb();
    try {
      const [row] = await db.rows(
        `SELECT count(*) AS n, any_value(x_RunId) AS run, sum(BilledCost)::VARCHAR AS total FROM ${sqlText(local)}`,
      );
      expect(row).toEqual({
        n: String(SESSIONS.length),
        run: 'run-2',
        total: `${report.totals.costMinor / 100n}.${String(report.totals.costMinor % 100n).padStart(2, '0')}${'0'.repeat(16)}`,
      });
    } finally {
      db.close();
    }
    const schema = JSON.parse((await bytesOf(second.schemaKey)).toString('utf8')) as { FocusVersion: string };
    expect(schema.FocusVersion).toBe('1.3');
  });

  it('stores the CSV gzip-encoded, nulls as empty fields', async () => {
    const stored = await putFocusPartition(s3ObjectStore(s3, BUCKET), ROOT, filesFor('run-3', true), {});
    const raw = await bytesOf(stored.csvKey ?? '');
    // s3rver hands back the stored bytes; the SDK does not decode Content-Encoding.
    const text = gunzipSync(raw).toString('utf8');
    const [header, first] = text.split('\r\n');
    expect(header?.startsWith('BilledCost,BillingAccountId,BillingAccountName,')).toBe(true);
    expect(first?.split(',').slice(0, 3)).toEqual(['23.63', 'acme', '']);
  });
});
