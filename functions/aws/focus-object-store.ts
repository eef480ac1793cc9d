import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { FocusFiles } from '../focus/focus-files.js';
import { describeError, ReportStoreError } from './aws-errors.js';
import { putReportObject } from './report-object-store.js';

/** Where one period's FOCUS objects were stored. */
export interface StoredFocusDataset {
  readonly parquetKey: string;
  readonly schemaKey: string;
  readonly csvKey: string | null;
  readonly rows: number;
  /** Keys of earlier files removed from the period's folders. */
  readonly removed: readonly string[];
}

/**
 * Replaces one period's FOCUS partition under `root` (`<REPORT_PREFIX>focus/`).
 *
 * S3 has no rename and no multi-object transaction, so "atomic" here means:
 * the period's data is ONE object under a key fixed by the period, written by
 * a single PUT (or a multipart upload, which S3 makes visible only on
 * completion). A query sees the old object or the new one, never a mix or a
 * half. Only after it is in place are the partition's other objects (from an
 * older naming or a run of an earlier version) deleted, so a rerun leaves
 * exactly one data file and a query never finds the partition empty.
 *
 * The Parquet file is written to `scratchDir` (the Lambda's /tmp) and
 * uploaded from there in parts, then removed: a month of sessions is never
 * one buffer in memory.
 */
export async function putFocusDataset(
  s3: S3Client,
  bucket: string,
  root: string,
  files: FocusFiles,
  metadata: Readonly<Record<string, string>>,
  scratchDir: string = tmpdir(),
): Promise<StoredFocusDataset> {
  const { layout } = files;
  const schemaKey = `${root}${layout.schema}`;
  const parquetKey = `${root}${layout.parquet}`;
  const csvKey = files.csvGzip === null ? null : `${root}${layout.csv}`;
  // The schema first: the data's footer names it.
  await putReportObject(s3, {
    bucket,
    key: schemaKey,
    body: files.schemaJson,
    contentType: 'application/json',
    metadata,
  });
  const scratch = await mkdtemp(join(scratchDir, 'focus-'));
  try {
    const parquetPath = join(scratch, 'data.parquet');
    files.writeParquet(parquetPath);
    await putReportObject(s3, {
      bucket,
      key: parquetKey,
      body: createReadStream(parquetPath),
      contentType: 'application/vnd.apache.parquet',
      metadata,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (csvKey !== null && files.csvGzip !== null) {
    await putReportObject(s3, {
      bucket,
      key: csvKey,
      body: files.csvGzip(),
      contentType: 'text/csv; charset=utf-8',
      contentEncoding: 'gzip',
      fileName: csvKey.slice(csvKey.lastIndexOf('/') + 1),
      metadata,
    });
  }
  const removed = [
    ...(await removeOthers(s3, bucket, folderOf(parquetKey), parquetKey)),
    ...(await removeOthers(s3, bucket, folderOf(schemaKey), schemaKey)),
    ...(await removeOthers(s3, bucket, `${root}csv/${layout.partition}/`, csvKey)),
  ];
  return { parquetKey, schemaKey, csvKey, rows: files.rowCount, removed };
}

function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** Deletes every object under `folder` except `kept`; a CSV no longer asked for goes too. */
async function removeOthers(
  s3: S3Client,
  bucket: string,
  folder: string,
  kept: string | null,
): Promise<string[]> {
  const stale: string[] = [];
  let token: string | undefined;
  do {
    let page: ListObjectsV2CommandOutput;
    try {
      page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, ContinuationToken: token }),
      );
    } catch (error) {
      throw new ReportStoreError(
        `could not list: ${describeError(error)}`,
        {
          bucket,
          key: folder,
          operation: 'list-objects',
        },
        { cause: error },
      );
    }
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined && object.Key !== kept) stale.push(object.Key);
    }
    token = page.NextContinuationToken;
  } while (token !== undefined);
  for (let i = 0; i < stale.length; i += 1000) {
    const batch = stale.slice(i, i + 1000);
    try {
      const result = await s3.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = result.Errors?.[0];
      if (failed)
        throw new Error(`${failed.Code ?? 'error'} on ${failed.Key ?? '?'}: ${failed.Message ?? ''}`);
    } catch (error) {
      throw new ReportStoreError(
        `could not remove an earlier file: ${describeError(error)}`,
        {
          bucket,
          key: batch[0] ?? folder,
          operation: 'delete-object',
        },
        { cause: error },
      );
    }
  }
  return stale;
}
