import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describeError, ReportStoreError } from './aws-errors.js';
import { isMissingObject } from './s3-error-kind.js';

/** The object as UTF-8 text, or undefined when there is no such object. */
export async function getTextObject(s3: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!response.Body) throw new Error('S3 returned no body');
    return await response.Body.transformToString('utf-8');
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw new ReportStoreError(
      `could not read: ${describeError(error)}`,
      { bucket, key, operation: 'get-object' },
      {
        cause: error,
      },
    );
  }
}
