import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectStore } from '#store/object-store.js';
import type { FocusFiles } from './focus-files.js';

/** Where one period's FOCUS files were stored, as keys of the store. */
export interface StoredFocusPartition {
  readonly parquetKey: string;
  readonly schemaKey: string;
  readonly csvKey: string | null;
  readonly rows: number;
  /** Keys of earlier files removed from the period's folders. */
  readonly removed: readonly string[];
}

/**
 * Replaces one period's FOCUS partition under `root` (`<REPORT_PREFIX>focus/` in a bucket,
 * `focus/` in the output folder), the same way in both stores.
 *
 * Neither store has a multi-file transaction, so a reader never seeing half a partition rests on
 * the order: the period's data is ONE file under a key fixed by the period, and every `put` makes
 * a file appear whole (S3 shows a multipart upload only on completion, a folder renames a finished
 * scratch onto the name). The schema goes first, as the data's footer names it; then the data,
 * then the CSV; only then are the partition's other files (an older naming, a run of an earlier
 * version, a CSV no longer asked for) listed and deleted. A query sees the old data file or the
 * new one, never a mix, and never an empty partition; a rerun leaves exactly one data file.
 *
 * The Parquet file is written to `scratchDir` (the Lambda's /tmp) and streamed from there, then
 * removed: a month of sessions is never one buffer in memory.
 */
export async function putFocusPartition(
  store: ObjectStore,
  root: string,
  files: FocusFiles,
  metadata: Readonly<Record<string, string>>,
  scratchDir: string = tmpdir(),
): Promise<StoredFocusPartition> {
  const { layout } = files;
  const schemaKey = `${root}${layout.schema}`;
  const parquetKey = `${root}${layout.parquet}`;
  const csvKey = files.csvGzip === null ? null : `${root}${layout.csv}`;
  await store.put(schemaKey, files.schemaJson, { contentType: 'application/json', metadata });
  const scratch = await mkdtemp(join(scratchDir, 'focus-'));
  try {
    const parquetPath = join(scratch, 'data.parquet');
    files.writeParquet(parquetPath);
    await store.put(parquetKey, createReadStream(parquetPath), {
      contentType: 'application/vnd.apache.parquet',
      metadata,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (csvKey !== null && files.csvGzip !== null) {
    await store.put(csvKey, files.csvGzip(), {
      contentType: 'text/csv; charset=utf-8',
      contentEncoding: 'gzip',
      fileName: csvKey.slice(csvKey.lastIndexOf('/') + 1),
      metadata,
    });
  }
  const removed = [
    ...(await removeOthers(store, folderOf(parquetKey), parquetKey)),
    ...(await removeOthers(store, folderOf(schemaKey), schemaKey)),
    ...(await removeOthers(store, `${root}csv/${layout.partition}/`, csvKey)),
  ];
  return { parquetKey, schemaKey, csvKey, rows: files.rowCount, removed };
}

function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** Deletes every file under `folder` except `kept` (none for a CSV no longer asked for). */
async function removeOthers(store: ObjectStore, folder: string, kept: string | null): Promise<string[]> {
  const stale = (await store.list(folder)).filter((key) => key !== kept);
  for (const key of stale) await store.delete(key);
  return stale;
}
