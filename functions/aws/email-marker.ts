import type { S3Client } from '@aws-sdk/client-s3';
import {
  type EmailMarkerRecord,
  type MarkerClaim,
  type MarkerOwner,
  type SentMarker,
  storedEmailMarker,
} from '#email/stored-email-marker.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import { ReportStoreError } from './aws-errors.js';

/*
 * The period's email marker in the bucket: the marker protocol itself (one claim, lost answers
 * read back) is the store port's, in email/stored-email-marker.ts; these are its S3 entry points
 * for the callers that hold an S3 client and a bucket.
 */

export type {
  EmailMarkerRecord,
  MarkerClaim,
  MarkerOwner,
  SentMarker,
} from '#email/stored-email-marker.js';
export { isOwnClaim } from '#email/stored-email-marker.js';

/** Claims the marker for `owner`; a failure is a ReportStoreError of the 'claim-marker' stage. */
export async function claimEmailMarker(
  s3: S3Client,
  bucket: string,
  key: string,
  owner: MarkerOwner,
): Promise<MarkerClaim> {
  try {
    return await storedEmailMarker(s3ObjectStore(s3, bucket), key).claim(owner);
  } catch (error) {
    if (!(error instanceof ReportStoreError) || error.operation === 'claim-marker') throw error;
    throw new ReportStoreError(
      `could not claim the email marker: ${error.message}`,
      {
        bucket,
        key,
        operation: 'claim-marker',
        ...(error.attempt === undefined ? {} : { attempt: error.attempt }),
      },
      { cause: error },
    );
  }
}

/** Takes the marker whatever it holds: a person asked to send again ("force"). */
export function overrideEmailMarker(
  s3: S3Client,
  bucket: string,
  key: string,
  owner: MarkerOwner,
): Promise<void> {
  return storedEmailMarker(s3ObjectStore(s3, bucket), key).override(owner);
}

/** The period's marker, if any run has claimed or sent its email. */
export function readEmailMarker(
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<(EmailMarkerRecord & { readonly writtenAt: Date | undefined }) | undefined> {
  return storedEmailMarker(s3ObjectStore(s3, bucket), key).read();
}

/** Overwrites the marker with state 'sent' and the result a duplicate run returns. */
export function completeEmailMarker(
  s3: S3Client,
  bucket: string,
  key: string,
  sent: SentMarker,
): Promise<void> {
  return storedEmailMarker(s3ObjectStore(s3, bucket), key).complete(sent);
}

/** Deletes the marker after a failed send, so that a retry sends the email. */
export function releaseEmailMarker(s3: S3Client, bucket: string, key: string): Promise<void> {
  return storedEmailMarker(s3ObjectStore(s3, bucket), key).release();
}
