import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describeError, ReportStoreError, type ReportStoreOperation } from './aws-errors.js';
import { isConditionalWriteLost } from './s3-error-kind.js';

/**
 * Writes a JSON object only if its key is free (`If-None-Match: *`), so of two racing runs exactly
 * one writes: `written`, or how the write was lost (`exists`: 412; `conflict`: 409, another
 * conditional write to the key was in flight). Any other failure is a ReportStoreError naming `what`.
 */
export async function putJsonOnce(
  s3: S3Client,
  bucket: string,
  key: string,
  body: string,
  failure: { readonly what: string; readonly operation: ReportStoreOperation },
): Promise<'written' | 'exists' | 'conflict'> {
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'application/json',
        IfNoneMatch: '*',
      }),
    );
    return 'written';
  } catch (error) {
    const lost = isConditionalWriteLost(error);
    if (lost !== undefined) return lost;
    throw new ReportStoreError(
      `could not write ${failure.what}: ${describeError(error)}`,
      { bucket, key, operation: failure.operation },
      { cause: error },
    );
  }
}
