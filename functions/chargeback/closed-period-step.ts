import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import { createDownloadLink } from '#aws/download-link.js';
import {
  claimEmailMarker,
  completeEmailMarker,
  overrideEmailMarker,
  readEmailMarker,
} from '#aws/email-marker.js';
import { sendRawEmail } from '#aws/ses-mailer.js';
import { type CloseRecord, closedLine } from '#close/close-record.js';
import { recordEmail } from '#close/record-email.js';
import { buildRawMessage } from '#email/raw-message.js';
import type { RunLog } from '#pipeline/run-log.js';
import type { ChargebackResult } from './chargeback-result.js';
import type { LambdaConfig } from './lambda-config.js';
import type { ReportKeys } from './report-keys.js';

export interface ClosedPeriodDeps {
  readonly config: LambdaConfig;
  readonly s3: S3Client;
  readonly ses: SESClient;
  readonly runId: string;
  readonly now: () => Date;
  readonly log: RunLog;
  readonly durableLink: ((key: string, now: Date) => Promise<{ url: string; expiresAt: Date }>) | undefined;
}

/**
 * A close of a period that is closed already (a schedule retry, a duplicate event): nothing is
 * rebuilt or rewritten. The email goes out only when asked to (`force`) or when the close's own
 * email never left (the run died after the record); it is built from the record.
 */
export async function closedPeriodStep(
  record: CloseRecord,
  request: {
    readonly keys: ReportKeys;
    readonly email: boolean;
    readonly force: boolean;
    readonly recipients: readonly string[];
  },
  deps: ClosedPeriodDeps,
): Promise<ChargebackResult> {
  const { config, s3 } = deps;
  const { keys } = request;
  const workbookKey = record.artifacts.workbook.key;
  const link = deps.durableLink
    ? await deps.durableLink(workbookKey, deps.now())
    : await createDownloadLink(s3, {
        bucket: config.bucket,
        key: workbookKey,
        ttlSeconds: config.linkTtlSeconds,
        now: deps.now(),
      });
  const marker = await readEmailMarker(s3, config.bucket, keys.emailMarker);
  const unsent = marker === undefined;
  let messageId: string | null = null;
  if (request.email && (request.force || unsent)) {
    const owner = { runId: deps.runId, period: record.period.slug };
    if (request.force) {
      await overrideEmailMarker(s3, config.bucket, keys.emailMarker, owner);
    } else if ((await claimEmailMarker(s3, config.bucket, keys.emailMarker, owner)).kind !== 'claimed') {
      throw new Error(
        `the email for ${record.period.slug} was claimed meanwhile by another run; nothing was sent`,
      );
    }
    const email = recordEmail(record, link);
    const raw = await buildRawMessage({
      from: config.sender,
      to: request.recipients,
      subject: email.subject,
      html: email.html,
      text: email.text,
      date: deps.now(),
    });
    ({ messageId } = await sendRawEmail(deps.ses, { from: config.sender, to: request.recipients, raw }));
    await completeEmailMarker(s3, config.bucket, keys.emailMarker, {
      runId: deps.runId,
      period: record.period.slug,
      messageId,
      sentAt: deps.now().toISOString(),
    });
  }
  const line = closedLine(record);
  deps.log.info('period already closed; returning its record', {
    runId: deps.runId,
    period: record.period.slug,
    closedBy: record.runId,
    emailed: messageId !== null,
  });
  return {
    period: {
      from: record.period.from,
      to: record.period.to,
      label: record.period.label,
      timeZone: record.period.timeZone,
    },
    s3: { bucket: config.bucket, key: workbookKey, uri: `s3://${config.bucket}/${workbookKey}` },
    downloadUrl: link.url,
    downloadKey: workbookKey,
    downloadUrlExpiresAt: link.expiresAt.toISOString(),
    totals: {
      sessions: record.totals.sessions,
      acus: record.totals.acus,
      cost: record.totals.cost,
      currency: record.pricing.currency,
    },
    unsettled: { sessions: record.unsettled.count, acus: record.unsettled.acus, cost: record.unsettled.cost },
    closed: true,
    close: {
      key: keys.close,
      uri: `s3://${config.bucket}/${keys.close}`,
      closedAt: record.closedAt,
      runId: record.runId,
    },
    // Whether finance has the period's email: sent now, or by an earlier run.
    emailed: messageId !== null || marker?.state === 'sent',
    messageId: messageId ?? marker?.messageId ?? null,
    runId: deps.runId,
    duplicateOf: record.runId,
    note:
      messageId !== null
        ? `${line} The email was sent again from the record.`
        : `${line} Nothing was rebuilt or sent; invoke with "force": true to resend its email.`,
  };
}
