import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';

/**
 * How long one S3 request may take before it is ended (and retried inside the SDK's one retry
 * policy): `throwOnRequestTimeout` makes the timeout end the request instead of only warning.
 */
export const S3_REQUEST_TIMEOUT_MS = 30_000;
/** A send that times out may still have been delivered; a generous timeout makes that rare. */
export const SES_REQUEST_TIMEOUT_MS = 60_000;

/** The Lambda's S3 client: region, credentials and endpoint from the SDK's standard configuration. */
export function reportS3Client(requestTimeoutMs: number = S3_REQUEST_TIMEOUT_MS): S3Client {
  return new S3Client({
    requestHandler: { requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
  });
}

/**
 * The finance email's SES client. It never retries SendRawEmail (`maxAttempts: 1`): a send whose
 * answer was lost may have been delivered, and an SDK retry would send it twice. Retries happen
 * only through the email marker protocol, which knows whether a run may send again.
 */
export function financeSesClient(requestTimeoutMs: number = SES_REQUEST_TIMEOUT_MS): SESClient {
  return new SESClient({
    maxAttempts: 1,
    requestHandler: { requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
  });
}
