import { S3ServiceException } from '@aws-sdk/client-s3';

/**
 * S3 answers the same condition with different codes depending on the call
 * (GetObject says NoSuchKey, HeadObject only 404) and conditional writes add
 * two more: classify once by HTTP status, the part every variant shares.
 */
export function s3StatusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

export function isMissingObject(error: unknown): boolean {
  return s3StatusOf(error) === 404 && !(error instanceof S3ServiceException && error.name === 'NoSuchBucket');
}

/**
 * `If-None-Match: *` lost: 412 when the object exists, 409 when another
 * conditional write to the same key was in flight (S3 asks to retry).
 */
export function isConditionalWriteLost(error: unknown): 'exists' | 'conflict' | undefined {
  const status = s3StatusOf(error);
  if (status === 412) return 'exists';
  if (status === 409) return 'conflict';
  return undefined;
}
