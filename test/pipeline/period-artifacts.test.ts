// The period's files are one list written the same way to a bucket and a folder: the same keys
// get the same bytes in both, and the writer reports which key holds what, as the close needs.

import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePricing } from '#core/money/parse-pricing.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { focusFiles } from '#focus/focus-files.js';
import { putFocusPartition } from '#focus/put-focus-partition.js';
import {
  folderArtifactNames,
  type PeriodArtifact,
  writePeriodArtifacts,
} from '#pipeline/period-artifacts.js';
import { putShowbackWorkbook } from '#showback/put-showback-workbook.js';
import { folderObjectStore } from '#store/folder-object-store.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import { DIRECTORY, OCTOBER, SESSIONS } from '../core/report/reconciliation-scenario.js';
import { useLocalS3 } from '../support/aws-local-s3.js';

const BUCKET = 'period-artifacts';
let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});
let dir: string;
let scratch: string;
/** A workbook's bytes: larger than one 8 MiB upload part, so S3 takes it in parts. */
const WORKBOOK = Buffer.alloc(9 * 1024 * 1024, 'PK\u0003\u0004workbook');
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'period-artifacts-'));
  scratch = await mkdtemp(join(tmpdir(), 'period-artifacts-scratch-'));
  await writeFile(join(scratch, 'workbook.xlsx'), WORKBOOK);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

const names = folderArtifactNames('devin-acu-chargeback-2026-10');
const meta = { metadata: { 'run-id': 'run-1', period: '2026-10' } };
const workbook: PeriodArtifact = {
  role: 'workbook',
  key: names.workbook,
  meta: { ...meta, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  body: () => createReadStream(join(scratch, 'workbook.xlsx')),
};
const LIST: readonly PeriodArtifact[] = [
  workbook,
  {
    role: 'sessions',
    key: names.sessions,
    meta,
    body: () => Readable.from([Buffer.from([31, 139, 8]), Buffer.from('x')]),
  },
  { role: 'summary', key: names.summary, meta, body: () => '{"period":"2026-10"}\n' },
  { role: 'journal', key: 'devin-acu-chargeback-2026-10.journal.csv', meta, body: () => 'a,b\n' },
  { role: 'costCentres', key: names.costCentres, meta, body: () => 'org,centre\n' },
  {
    role: 'journalFormat',
    key: names.journalFormat('devin-acu-chargeback-2026-10.xero.csv'),
    meta,
    body: () => Buffer.from('*Narration\n'),
    format: { format: 'xero', entity: 'acme-uk' },
  },
  { role: 'erpMapping', key: names.erpMapping, meta, body: () => 'map\n' },
];

describe('the period files list', () => {
  it('writes the same bytes under the same keys to a folder and a bucket, and names each role', async () => {
    const folder = folderObjectStore(dir);
    const bucket = s3ObjectStore(s3, BUCKET);
    const [inFolder, inBucket] = await Promise.all([
      writePeriodArtifacts(folder, LIST),
      writePeriodArtifacts(bucket, LIST),
    ]);
    expect(inFolder).toEqual(inBucket);
    expect(inFolder).toEqual({
      workbook: 'devin-acu-chargeback-2026-10.xlsx',
      summary: 'devin-acu-chargeback-2026-10.summary.json',
      sessions: 'devin-acu-chargeback-2026-10.sessions.json.gz',
      costCentreFiles: {
        journal: 'devin-acu-chargeback-2026-10.journal.csv',
        costCentres: 'devin-acu-chargeback-2026-10.cost-centres.csv',
        erpMapping: 'devin-acu-chargeback-2026-10.erp-mapping.csv',
        journalFormats: [{ format: 'xero', entity: 'acme-uk', key: 'devin-acu-chargeback-2026-10.xero.csv' }],
      },
    });
    for (const artifact of LIST) {
      expect(await folder.fingerprint(artifact.key), artifact.key).toEqual(
        await bucket.fingerprint(artifact.key),
      );
    }
    expect(await folder.list('')).toEqual(await bucket.list(''));
    expect(Buffer.from((await folder.get(names.workbook))?.bytes ?? []).equals(WORKBOOK)).toBe(true);
  });

  it("puts a file's second key too: copied inside the bucket, written again in a folder", async () => {
    const folder = folderObjectStore(join(dir, 'also-at'));
    const bucket = s3ObjectStore(s3, BUCKET);
    const alsoAt = 'runs/run-1/devin-acu-chargeback-2026-10.xlsx';
    const list = [{ ...workbook, alsoAt }, LIST[1], LIST[2]].filter((a) => a !== undefined);
    await Promise.all([writePeriodArtifacts(folder, list), writePeriodArtifacts(bucket, list)]);
    const copied = await bucket.fingerprint(alsoAt);
    expect(copied).toEqual(await bucket.fingerprint(names.workbook));
    expect(copied).toEqual(await folder.fingerprint(alsoAt));
    expect(copied.bytes).toBe(WORKBOOK.length);
  });

  it('has no cost-centre files without a map', async () => {
    const written = await writePeriodArtifacts(folderObjectStore(join(dir, 'no-map')), LIST.slice(0, 3));
    expect(written.costCentreFiles).toBeUndefined();
  });
});

const focusReport = buildChargebackReport({
  period: OCTOBER,
  pricing: parsePricing('2.25', 'USD'),
  sessions: SESSIONS,
  directory: DIRECTORY,
});
const focusFilesFor = (runId: string, csv: boolean) =>
  focusFiles(
    {
      report: focusReport,
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

describe('the FOCUS partition', () => {
  it('is replaced the same way in a folder and a bucket: the same keys, bytes and removals', async () => {
    const folder = folderObjectStore(join(dir, 'focus-store'));
    const bucket = s3ObjectStore(s3, BUCKET);
    // A file an older version left in the partition, in both.
    for (const store of [folder, bucket])
      await store.put('focus/billing_period=2026-10/part-00000.parquet', 'old');
    const first = await Promise.all(
      [folder, bucket].map((store) => putFocusPartition(store, 'focus/', focusFilesFor('run-1', true), {})),
    );
    expect(first[0]).toEqual(first[1]);
    expect(first[0]?.removed).toEqual(['focus/billing_period=2026-10/part-00000.parquet']);
    const second = await Promise.all(
      [folder, bucket].map((store) => putFocusPartition(store, 'focus/', focusFilesFor('run-2', false), {})),
    );
    expect(second[0]).toEqual(second[1]);
    expect(second[0]).toEqual({
      parquetKey: 'focus/billing_period=2026-10/devin-focus-2026-10.parquet',
      schemaKey: 'focus/metadata/billing_period=2026-10/devin-focus-2026-10.schema.json',
      csvKey: null,
      rows: SESSIONS.length,
      removed: ['focus/csv/billing_period=2026-10/devin-focus-2026-10.csv.gz'],
    });
    const keys = await folder.list('focus/');
    expect(keys).toEqual(await bucket.list('focus/'));
    expect(keys).toEqual([
      'focus/billing_period=2026-10/devin-focus-2026-10.parquet',
      'focus/metadata/billing_period=2026-10/devin-focus-2026-10.schema.json',
    ]);
    for (const key of keys) expect(await folder.fingerprint(key), key).toEqual(await bucket.fingerprint(key));
  });
});

describe("an owner's showback workbook", () => {
  it('lands under the same key with the same bytes in a folder and a bucket', async () => {
    const folder = folderObjectStore(join(dir, 'showback-store'));
    const bucket = s3ObjectStore(s3, BUCKET);
    const slice = { path: join(scratch, 'workbook.xlsx'), fileName: 'devin-acu-chargeback-2026-10_ann.xlsx' };
    const keys = await Promise.all(
      [folder, bucket].map((store) =>
        putShowbackWorkbook(store, 'devin-acu-chargeback-2026-10.showback/', slice, { 'run-id': 'run-1' }),
      ),
    );
    expect(keys).toEqual([
      'devin-acu-chargeback-2026-10.showback/devin-acu-chargeback-2026-10_ann.xlsx',
      'devin-acu-chargeback-2026-10.showback/devin-acu-chargeback-2026-10_ann.xlsx',
    ]);
    const [key] = keys;
    expect(await folder.fingerprint(key ?? '')).toEqual(await bucket.fingerprint(key ?? ''));
    expect((await folder.fingerprint(key ?? '')).bytes).toBe(WORKBOOK.length);
  });
});
