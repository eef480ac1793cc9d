import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { isRecordFileName } from '#close/run-files.js';
import type { StoredRun } from './backfill.js';

const SESSIONS_SUFFIX = '.sessions.json.gz';
const summaryOf = (sessionsName: string) => `${sessionsName.slice(0, -SESSIONS_SUFFIX.length)}.summary.json`;
const costCentresOf = (sessionsName: string) =>
  `${sessionsName.slice(0, -SESSIONS_SUFFIX.length)}.cost-centres.csv`;

/** A run without a cost-centre map has no copy of one: that is not an error. */
async function unlessMissing(read: () => Promise<Uint8Array>): Promise<Uint8Array | undefined> {
  try {
    return await read();
  } catch (error) {
    const e = error as { code?: string; name?: string };
    if (e.code === 'ENOENT' || e.name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** Every `*.sessions.json.gz` under `folder` (recursively, `focus/` excluded), with the summary beside it. */
export async function localStoredRuns(folder: string): Promise<StoredRun[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return (
    entries
      // Only the periods' records: a filtered slice or a preview must never rebuild a period's dataset.
      .filter((e) => e.isFile() && e.name.endsWith(SESSIONS_SUFFIX) && isRecordFileName(e.name))
      // parentPath is Node 20.12+; path is the older name of the same folder.
      .map((e) => join(e.parentPath ?? (e as { path?: string }).path ?? folder, e.name))
      .filter((path) => !path.includes(`${join(folder, 'focus')}`))
      .sort()
      .map((path) => ({
        source: path,
        sessions: async () => createReadStream(path),
        summary: () => readFile(summaryOf(path)),
        costCentres: () => unlessMissing(() => readFile(costCentresOf(path))),
      }))
  );
}

/** The same for the bucket: every run under `<prefix>monthly/` and `<prefix>ad-hoc/`. */
export async function s3StoredRuns(s3: S3Client, bucket: string, prefix: string): Promise<StoredRun[]> {
  const keys: string[] = [];
  for (const folder of ['monthly/', 'ad-hoc/']) {
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}${folder}`, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key?.endsWith(SESSIONS_SUFFIX) && isRecordFileName(object.Key)) keys.push(object.Key);
      }
      token = page.NextContinuationToken;
    } while (token !== undefined);
  }
  const get = async (key: string) => {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await response.Body?.transformToByteArray()) ?? new Uint8Array();
  };
  // The sessions file streams: in Node the SDK's body is a Readable.
  const stream = async (key: string): Promise<AsyncIterable<Uint8Array>> => {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!(response.Body instanceof Readable))
      throw new Error(`s3://${bucket}/${key}: S3 returned no body to stream`);
    return response.Body;
  };
  return keys.sort().map((key) => ({
    source: `s3://${bucket}/${key}`,
    sessions: () => stream(key),
    summary: () => get(summaryOf(key)),
    costCentres: () => unlessMissing(() => get(costCentresOf(key))),
  }));
}
