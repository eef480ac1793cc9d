import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describeError, ReportStoreError, type ReportStoreOperation } from '#aws/aws-errors.js';
import { copyReportObject, putReportObject } from '#aws/report-object-store.js';
import { isMissingObject, s3StatusOf } from '#aws/s3-error-kind.js';
import {
  bodyBytes,
  type ObjectBody,
  type ObjectFingerprint,
  type ObjectMeta,
  type ObjectStore,
  type ObjectStoreOperation,
  storedVersion,
} from './object-store.js';

/** A conditional write answered 409 (another one to the key was in flight; S3 asks to retry) is tried again. */
const CONFLICT_ATTEMPTS = 4;
const CONFLICT_BACKOFF_MS = 50;
/** A body that broke off mid-read is read again, a few times. */
const BODY_READ_ATTEMPTS = 3;

/**
 * The store port over one bucket. Conditional writes are single PutObjects (`If-None-Match: *`,
 * `If-Match: <ETag>`); plain writes go through putReportObject, in parts when large. Every
 * failure is a ReportStoreError naming the bucket, key, operation and attempt.
 */
export function s3ObjectStore(s3: S3Client, bucket: string): ObjectStore {
  const fail = (
    message: string,
    key: string,
    operation: ReportStoreOperation,
    error?: unknown,
    attempt?: number,
  ) =>
    new ReportStoreError(
      error === undefined ? message : `${message}: ${describeError(error)}`,
      { bucket, key, operation, ...(attempt === undefined ? {} : { attempt }) },
      error === undefined ? undefined : { cause: error },
    );
  /** One conditional PutObject, retried on 409: 'written', or 'refused' on 412 (and 404 for If-Match). */
  const conditionalPut = async (
    key: string,
    body: ObjectBody,
    condition: { readonly IfNoneMatch: '*' } | { readonly IfMatch: string },
    meta: ObjectMeta | undefined,
  ): Promise<'written' | 'refused'> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: bodyBytes(body),
            ContentType: contentTypeOf(key, meta),
            Metadata: meta?.metadata ? { ...meta.metadata } : undefined,
            ...condition,
          }),
        );
        return 'written';
      } catch (error) {
        const status = s3StatusOf(error);
        if (status === 412 || (status === 404 && 'IfMatch' in condition)) return 'refused';
        if (status === 409 && attempt < CONFLICT_ATTEMPTS) {
          await sleep(CONFLICT_BACKOFF_MS * attempt);
          continue;
        }
        const what = 'IfMatch' in condition ? 'could not replace the object' : 'could not create the object';
        throw fail(what, key, 'put-object', error, attempt > 1 ? attempt : undefined);
      }
    }
  };
  return {
    kind: 's3',
    failure: (message, key, operation, cause) => fail(message, key, S3_OPERATION[operation], cause),
    location: (key) => `s3://${bucket}/${key}`,
    async get(key) {
      for (let attempt = 1; ; attempt++) {
        let response: GetObjectCommandOutput;
        try {
          response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        } catch (error) {
          if (isMissingObject(error)) return undefined;
          // The attempt is named only once the body has been read again.
          throw fail('could not read', key, 'get-object', error, attempt > 1 ? attempt : undefined);
        }
        if (response.ETag === undefined)
          throw fail('S3 returned the object without an ETag', key, 'get-object');
        try {
          const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
          return storedVersion(bytes, response.ETag, response.LastModified);
        } catch (error) {
          // The body broke off mid-read (a dropped connection): read again, the object is whole in S3.
          if (attempt < BODY_READ_ATTEMPTS) continue;
          throw fail('could not read', key, 'get-object', error, attempt);
        }
      }
    },
    async put(key, body, meta) {
      await putReportObject(s3, {
        bucket,
        key,
        body: typeof body === 'string' || body instanceof Uint8Array ? Buffer.from(bodyBytes(body)) : body,
        contentType: contentTypeOf(key, meta),
        fileName: meta?.fileName,
        contentEncoding: meta?.contentEncoding,
        metadata: meta?.metadata,
      });
    },
    async putIfAbsent(key, body, meta) {
      return (await conditionalPut(key, body, { IfNoneMatch: '*' }, meta)) === 'written'
        ? 'written'
        : 'exists';
    },
    async replaceIfUnchanged(key, body, version, meta) {
      return (await conditionalPut(key, body, { IfMatch: version }, meta)) === 'written';
    },
    async list(prefix) {
      const keys: string[] = [];
      const cursors = new Set<string>();
      let token: string | undefined;
      do {
        let page: ListObjectsV2CommandOutput;
        try {
          page = await s3.send(
            new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
          );
        } catch (error) {
          throw fail('could not list', prefix, 'list-objects', error);
        }
        const last = keys.at(-1);
        for (const object of page.Contents ?? []) {
          if (object.Key === undefined) continue;
          // S3 lists in key order: a key not after the previous page's last one is a page served again.
          if (last !== undefined && object.Key <= last)
            throw fail(
              `the listing repeated a page: ${object.Key} came again after ${last}`,
              prefix,
              'list-objects',
            );
          keys.push(object.Key);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
        if (token !== undefined && cursors.has(token))
          throw fail(`the listing repeated its cursor ${token}`, prefix, 'list-objects');
        if (token !== undefined) cursors.add(token);
      } while (token !== undefined);
      return keys;
    },
    async delete(key) {
      try {
        await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        if (isMissingObject(error)) return;
        throw fail('could not delete', key, 'delete-object', error);
      }
    },
    async copy(from, to) {
      await copyReportObject(s3, { bucket, from, to });
    },
    async fingerprint(key): Promise<ObjectFingerprint> {
      try {
        const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const hash = createHash('sha256');
        let bytes = 0;
        const body = response.Body as AsyncIterable<Uint8Array> | undefined;
        for await (const chunk of body ?? []) {
          hash.update(chunk);
          bytes += chunk.length;
        }
        return { sha256: hash.digest('hex'), bytes };
      } catch (error) {
        const why = isMissingObject(error) ? 'it is missing' : describeError(error);
        throw new ReportStoreError(
          `could not read the object to fingerprint it: ${why}`,
          { bucket, key, operation: 'get-object' },
          { cause: error },
        );
      }
    },
  };
}

/** The S3 call each port operation makes, as ReportStoreError names it. */
const S3_OPERATION: Readonly<Record<ObjectStoreOperation, ReportStoreOperation>> = {
  get: 'get-object',
  put: 'put-object',
  'put-if-absent': 'put-object',
  'replace-if-unchanged': 'put-object',
  list: 'list-objects',
  delete: 'delete-object',
  fingerprint: 'get-object',
};

/** The type S3 serves the object with: as given, else JSON for `.json` keys, else bytes. */
function contentTypeOf(key: string, meta: ObjectMeta | undefined): string {
  return meta?.contentType ?? (key.endsWith('.json') ? 'application/json' : 'application/octet-stream');
}
