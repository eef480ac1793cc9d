import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describeError, ReportStoreError } from './aws-errors.js';
import { attachmentDisposition } from './content-disposition.js';
import { downloadLinkLifetimeSeconds } from './download-link-lifetime.js';

export interface DownloadLink {
  readonly url: string;
  /** When the link stops working, as signed: what the email should state. */
  readonly expiresAt: Date;
}

/** Below this, a link is useless by the time someone reads the email. */
const MIN_USEFUL_LINK_SECONDS = 60;

/**
 * A presigned GET for the report. Its lifetime is the configured one unless
 * the credentials signing it (a Lambda role session) expire sooner: then the
 * link is shortened to what will really work, and `expiresAt` says so.
 */
export async function createDownloadLink(
  s3: S3Client,
  params: {
    readonly bucket: string;
    readonly key: string;
    readonly ttlSeconds: number;
    readonly now: Date;
    /** Makes S3 answer with these headers whatever the object's own are: a download, of this type. */
    readonly asAttachment?: { readonly fileName: string; readonly contentType: string };
  },
): Promise<DownloadLink> {
  const { bucket, key } = params;
  const context = { bucket, key, operation: 'sign-link' } as const;
  // X-Amz-Date has whole seconds: sign at the second the expiry is counted from.
  const signedAt = new Date(Math.floor(params.now.getTime() / 1000) * 1000);
  let credentialsExpireAt: Date | undefined;
  try {
    credentialsExpireAt = (await s3.config.credentials()).expiration;
  } catch (error) {
    throw new ReportStoreError(`no credentials to sign the link with: ${describeError(error)}`, context, {
      cause: error,
    });
  }
  const lifetime = downloadLinkLifetimeSeconds({
    ttlSeconds: params.ttlSeconds,
    signedAt,
    credentialsExpireAt,
  });
  if (lifetime < MIN_USEFUL_LINK_SECONDS) {
    throw new ReportStoreError(
      `the signing credentials expire at ${credentialsExpireAt?.toISOString()}, too soon for a useful link`,
      context,
    );
  }
  try {
    const { asAttachment } = params;
    const get = new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ...(asAttachment && {
        ResponseContentDisposition: attachmentDisposition(asAttachment.fileName),
        ResponseContentType: asAttachment.contentType,
      }),
    });
    const url = await getSignedUrl(s3, get, {
      expiresIn: lifetime,
      signingDate: signedAt,
    });
    return { url, expiresAt: new Date(signedAt.getTime() + lifetime * 1000) };
  } catch (error) {
    throw new ReportStoreError(`could not sign the link: ${describeError(error)}`, context, { cause: error });
  }
}
