import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  GetObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { describeError, ReportStoreError } from './aws-errors.js';
import { attachmentDisposition } from './content-disposition.js';
import { objectMetadataProblem } from './object-metadata.js';
import { s3ConsoleUrl } from './s3-console-url.js';
import { isMissingObject } from './s3-error-kind.js';

/** Where a stored object lives, in the forms the email and the handler result show. */
export interface StoredObject {
  readonly bucket: string;
  readonly key: string;
  /** s3://bucket/key, for `aws s3 cp`. */
  readonly uri: string;
  readonly consoleUrl: string;
  /** Set when the bucket has versioning on. */
  readonly versionId?: string;
}

export interface PutReportObjectParams {
  readonly bucket: string;
  readonly key: string;
  readonly body: Buffer | Readable | string;
  readonly contentType: string;
  /** The name a browser saves the download under. */
  readonly fileName?: string;
  /** e.g. 'gzip' for the raw sessions file. */
  readonly contentEncoding?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** 8 MiB parts, two in flight: at most 16 MiB of the workbook in memory at once. */
const PART_SIZE_BYTES = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/**
 * Stores one object, in parts when it is large. S3 makes a multipart object
 * visible only on completion, so a failed upload is aborted rather than left
 * half done; the original failure stays the error's cause.
 */
export async function putReportObject(s3: S3Client, params: PutReportObjectParams): Promise<StoredObject> {
  const { bucket, key } = params;
  const context = { bucket, key, operation: 'put-object' } as const;
  const metadataProblem = params.metadata ? objectMetadataProblem(params.metadata) : undefined;
  if (metadataProblem) throw new ReportStoreError(metadataProblem, context);

  const upload = new Upload({
    client: s3,
    queueSize: PARTS_IN_FLIGHT,
    partSize: PART_SIZE_BYTES,
    // We abort ourselves: lib-storage would replace the upload's error with the abort's.
    leavePartsOnError: true,
    params: {
      Bucket: bucket,
      Key: key,
      Body: params.body,
      ContentType: params.contentType,
      ContentDisposition: params.fileName === undefined ? undefined : attachmentDisposition(params.fileName),
      ContentEncoding: params.contentEncoding,
      Metadata: params.metadata ? { ...params.metadata } : undefined,
    },
  });

  try {
    const result = await upload.done();
    return storedObject(s3, bucket, key, result.VersionId);
  } catch (error) {
    await abortIncompleteUpload(s3, bucket, key, upload.uploadId, error);
    throw new ReportStoreError(`could not upload: ${describeError(error)}`, context, { cause: error });
  }
}

async function abortIncompleteUpload(
  s3: S3Client,
  bucket: string,
  key: string,
  uploadId: string | undefined,
  uploadError: unknown,
): Promise<void> {
  if (uploadId === undefined) return;
  try {
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
  } catch (abortError) {
    // The parts stay invisible (no object exists until completion) but are billed until a lifecycle rule removes them.
    throw new ReportStoreError(
      `could not upload (${describeError(uploadError)}), and aborting multipart upload ${uploadId} failed too: ${describeError(abortError)}`,
      { bucket, key, operation: 'abort-upload' },
      { cause: uploadError },
    );
  }
}

/**
 * A second key for an object already stored, copied inside S3 with its type, disposition and
 * metadata: the workbook's run copy no longer travels from the function twice (one PUT of a
 * 100 MB workbook saved). A single CopyObject takes objects up to 5 GB.
 */
export async function copyReportObject(
  s3: S3Client,
  params: { readonly bucket: string; readonly from: string; readonly to: string },
): Promise<StoredObject> {
  const { bucket, from, to } = params;
  const context = { bucket, key: to, operation: 'copy-object' } as const;
  try {
    const result = await s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: to,
        CopySource: `${encodeURIComponent(bucket)}/${from.split('/').map(encodeURIComponent).join('/')}`,
        MetadataDirective: 'COPY',
      }),
    );
    return storedObject(s3, bucket, to, result.VersionId);
  } catch (error) {
    throw new ReportStoreError(`could not copy ${from}: ${describeError(error)}`, context, { cause: error });
  }
}

/** The object parsed as JSON, or undefined when there is no such object. */
export async function getJsonObject(s3: S3Client, bucket: string, key: string): Promise<unknown | undefined> {
  const context = { bucket, key, operation: 'get-object' } as const;
  let text: string;
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!response.Body) throw new Error('S3 returned no body');
    text = await response.Body.transformToString('utf-8');
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw new ReportStoreError(`could not read: ${describeError(error)}`, context, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ReportStoreError('the object is not valid JSON', context, { cause: error });
  }
}

async function storedObject(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId: string | undefined,
): Promise<StoredObject> {
  const region = await s3.config.region();
  return {
    bucket,
    key,
    uri: `s3://${bucket}/${key}`,
    consoleUrl: s3ConsoleUrl(region, bucket, key),
    ...(versionId === undefined ? {} : { versionId }),
  };
}
