import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import { EmailSendError } from '#aws/aws-errors.js';
import { createDownloadLink } from '#aws/download-link.js';
import {
  claimEmailMarker,
  completeEmailMarker,
  readEmailMarker,
  releaseEmailMarker,
} from '#aws/email-marker.js';
import { ANSWER_LOST, sendRawEmail } from '#aws/ses-mailer.js';
import { buildRawMessage } from '#email/raw-message.js';
import { putShowbackWorkbook } from '#showback/put-showback-workbook.js';
import type { ShowbackDelivery } from '#showback/run-showback.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import type { ReportKeys } from './report-keys.js';

export interface AwsShowbackOptions {
  readonly s3: S3Client;
  readonly ses: SESClient;
  readonly bucket: string;
  readonly keys: ReportKeys;
  readonly runId: string;
  readonly period: string;
  readonly sender: string;
  /** The owners' mail says "reply to finance": this is finance's address, its `Reply-To`. */
  readonly replyTo: string;
  readonly linkTtlSeconds: number;
  /** The link service's signer, as for finance's email; undefined keeps presigned links. */
  readonly durableLink?: ((key: string, now: Date) => Promise<{ url: string; expiresAt: Date }>) | undefined;
  readonly now: () => Date;
}

/** The owner's marker: the same conditional-write marker as finance's email, one per owner and period. */
export function showbackMarkerKey(keys: ReportKeys, owner: string): string {
  return `${keys.showbackMarkers}${encodeURIComponent(owner.toLowerCase())}.email.json`;
}

/** Written once every owner of the period has had their email: a duplicate event then does nothing. */
export function showbackDoneKey(keys: ReportKeys): string {
  return `${keys.showbackMarkers}all-sent.json`;
}

/**
 * Showback through SES: each owner's slice workbook into S3 beside the
 * report, a link signed by the same function as finance's, one email to the
 * owner alone, guarded by the owner's marker.
 */
export function createAwsShowback(options: AwsShowbackOptions): ShowbackDelivery {
  const { s3, bucket, keys } = options;
  const owner = (email: string) => ({ runId: options.runId, period: `${options.period} showback ${email}` });
  return {
    async begin({ email }) {
      const claim = await claimEmailMarker(s3, bucket, showbackMarkerKey(keys, email), owner(email));
      if (claim.kind === 'claimed') return { kind: 'go' };
      if (claim.kind === 'already-sent') return { kind: 'sent' };
      const since = claim.since ? ` since ${claim.since.toISOString()}` : '';
      return {
        kind: 'busy',
        reason: `run ${claim.record.runId} has been sending it${since} and may or may not have sent it; delete s3://${bucket}/${showbackMarkerKey(keys, email)} once you know it did not`,
      };
    },
    async store(_owner, workbook) {
      const key = await putShowbackWorkbook(s3ObjectStore(s3, bucket), keys.showbackFolder, workbook, {
        'run-id': options.runId,
        period: options.period,
      });
      // Owners open their mail as late as finance does: the same durable link when the stack has one.
      const link = options.durableLink
        ? await options.durableLink(key, options.now())
        : await createDownloadLink(s3, {
            bucket,
            key,
            ttlSeconds: options.linkTtlSeconds,
            now: options.now(),
          });
      return { workbookFileName: workbook.fileName, link, attached: false };
    },
    async send({ email }, rendered) {
      const raw = await buildRawMessage({
        from: options.sender,
        to: [email],
        replyTo: options.replyTo,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        date: options.now(),
      });
      try {
        return await sendRawEmail(options.ses, { from: options.sender, to: [email], raw });
      } catch (error) {
        // As for finance's email: a send SES received whose answer was lost counts as sent, so
        // the owner's marker is completed (not abandoned) and no retry mails the owner twice.
        if (error instanceof EmailSendError && error.mayHaveBeenSent) return { messageId: ANSWER_LOST };
        throw error;
      }
    },
    async complete({ email }, messageId) {
      await completeEmailMarker(s3, bucket, showbackMarkerKey(keys, email), {
        ...owner(email),
        messageId,
        sentAt: options.now().toISOString(),
      });
    },
    async abandon({ email }) {
      await releaseEmailMarker(s3, bucket, showbackMarkerKey(keys, email));
    },
  };
}

/** Whether an earlier run finished the period's showback. */
export async function showbackFinished(s3: S3Client, bucket: string, keys: ReportKeys): Promise<boolean> {
  return (await readEmailMarker(s3, bucket, showbackDoneKey(keys)))?.state === 'sent';
}

export async function markShowbackFinished(
  s3: S3Client,
  bucket: string,
  keys: ReportKeys,
  sent: { readonly runId: string; readonly period: string; readonly sentAt: string },
): Promise<void> {
  await completeEmailMarker(s3, bucket, showbackDoneKey(keys), { ...sent, messageId: 'all owners' });
}
