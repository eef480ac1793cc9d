import { readFile, stat } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import { EmailSendError } from '#aws/aws-errors.js';
import { createDownloadLink } from '#aws/download-link.js';
import { claimEmailMarker, overrideEmailMarker, releaseEmailMarker } from '#aws/email-marker.js';
import { getJsonObject, type StoredObject } from '#aws/report-object-store.js';
import { s3ConsoleUrl } from '#aws/s3-console-url.js';
import { ANSWER_LOST, sendRawEmail } from '#aws/ses-mailer.js';
import { closePeriod } from '#close/close-period.js';
import { ACU_DECIMALS, scaledToDecimalString } from '#core/money/acus.js';
import { minorUnitsText } from '#core/money/format.js';
import { inlineChartParts } from '#email/inline-chart-parts.js';
import { buildRawMessage } from '#email/raw-message.js';
import { focusFiles } from '#focus/focus-files.js';
import { focusInputOf } from '#focus/focus-input.js';
import { FOCUS_FOLDER } from '#focus/focus-layout.js';
import { DEFAULT_FOCUS_OPTIONS, type FocusOptions } from '#focus/focus-options.js';
import { putFocusPartition, type StoredFocusPartition } from '#focus/put-focus-partition.js';
import { FRESH_LINK_EVENT_METADATA, RESEND_EVENT_METADATA } from '#links/report-source.js';
import { periodArtifacts, writePeriodArtifacts } from '#pipeline/period-artifacts.js';
import type { ReportDelivery, StoredReport } from '#pipeline/report-delivery.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import { XLSX_CONTENT_TYPE } from '#workbook/workbook-file-name.js';
import { manualEventText } from './manual-event-for.js';
import { type ReportKeys, reportKeys } from './report-keys.js';
import { s3CloseStoreOf } from './s3-closed-periods.js';
import { s3SessionArchives } from './session-archives.js';

export interface AwsDeliveryOptions {
  readonly s3: S3Client;
  readonly ses: SESClient;
  readonly bucket: string;
  readonly keys: ReportKeys;
  /** The configured key prefix, to find other periods' objects (the previous summary.json). */
  readonly prefix: string;
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly linkTtlSeconds: number;
  /**
   * Issues the durable link to the link service for a stored key; when absent
   * the link is a presigned S3 URL (local stacks, older stacks, durableLinks off).
   */
  readonly durableLink?: ((key: string, now: Date) => Promise<{ url: string; expiresAt: Date }>) | undefined;
  readonly attachMaxBytes: number;
  /** True sends even when the period's marker says it was emailed already. */
  readonly force: boolean;
  readonly now: () => Date;
  /** The FOCUS dataset under `<prefix>focus/`; defaults to Parquet only, the API host as billing account. */
  readonly focus?: FocusOptions | undefined;
}

/** What the AWS delivery stored, for the handler's result. */
export interface AwsStoredReport extends StoredReport {
  readonly workbookObject: StoredObject;
  readonly link: { readonly url: string; readonly expiresAt: Date };
  /** The key the link serves (absent when an earlier run's objects were kept). */
  readonly linkedKey?: string;
  /** Absent when the run kept an earlier run's objects (a showback-only retry): nothing was rewritten. */
  readonly focus?: StoredFocusPartition | undefined;
}

/**
 * The Lambda's delivery: the workbook, the raw sessions and summary.json into S3,
 * a presigned link, and one raw SES email guarded by the period's marker.
 */
export function createAwsDelivery(options: AwsDeliveryOptions): ReportDelivery<AwsStoredReport> {
  const { s3, bucket, keys } = options;
  return {
    loadSummary: (period) => getJsonObject(s3, bucket, reportKeys(options.prefix, period).summary),
    sessionArchives: (period) => s3SessionArchives(bucket, options.prefix, period),
    async store(artifacts): Promise<AwsStoredReport> {
      const { report, run } = artifacts;
      const metadata = {
        'run-id': run.runId,
        period: report.period.slug,
        'period-from': report.period.from.toISOString(),
        'period-to': report.period.to.toISOString(),
        'time-zone': report.period.timeZone,
        sessions: String(report.totals.sessions),
        acus: scaledToDecimalString(report.totals.acus, ACU_DECIMALS),
        cost: `${minorUnitsText(report.totals.costMinor, report.pricing)} ${report.pricing.currency}`,
        // What the link service's "expired" page tells a reader to ask for.
        [FRESH_LINK_EVENT_METADATA]: manualEventText(report.period, { email: false }),
        [RESEND_EVENT_METADATA]: manualEventText(report.period, { force: true }),
      };
      // The period's files, the workbook and the summary with their run copies among them.
      const store = s3ObjectStore(s3, bucket);
      const written = await writePeriodArtifacts(store, periodArtifacts(keys, artifacts, metadata));
      // What the link serves: the run's own copy of the workbook (ArtifactNames.runWorkbook).
      const linkedKey = keys.runWorkbook(run.runId);
      const workbookObject = await storedObjectOf(s3, bucket, written.workbook);
      const costCentreKeys = written.costCentreFiles;
      const focusOptions = options.focus ?? DEFAULT_FOCUS_OPTIONS;
      // The period's FOCUS partition is its record's: a filtered slice or a preview never replaces it.
      const focus =
        artifacts.files.kind === 'record'
          ? await putFocusPartition(
              store,
              `${options.prefix}${FOCUS_FOLDER}`,
              focusFiles(focusInputOf(artifacts, focusOptions), {
                csv: focusOptions.csv,
                now: options.now(),
              }),
              { 'run-id': run.runId, period: report.period.slug },
            )
          : undefined;
      const link = options.durableLink
        ? await options.durableLink(linkedKey, run.generatedAt)
        : await createDownloadLink(s3, {
            bucket,
            key: linkedKey,
            ttlSeconds: options.linkTtlSeconds,
            now: options.now(),
          });
      const { size } = await stat(artifacts.workbookPath);
      return {
        workbookObject,
        link,
        linkedKey,
        focus,
        files: {
          workbook: written.workbook,
          summary: written.summary,
          sessions: written.sessions,
          journal: costCentreKeys?.journal,
          costCentres: costCentreKeys?.costCentres,
          erpMapping: costCentreKeys?.erpMapping,
          journalFormats: costCentreKeys?.journalFormats,
          focus: focus?.parquetKey,
        },
        email: {
          workbookFileName: artifacts.workbookFileName,
          link,
          location: {
            kind: 's3',
            uri: workbookObject.uri,
            consoleUrl: workbookObject.consoleUrl,
            freshLinkHint: manualEventText(report.period, { email: false }),
          },
          attached: options.attachMaxBytes > 0 && size <= options.attachMaxBytes,
        },
      };
    },
    close(artifacts, stored) {
      return closePeriod(s3CloseStoreOf(s3, bucket, options.prefix, artifacts.report.period), {
        report: artifacts.report,
        sessions: artifacts.sessions,
        run: artifacts.run,
        files: stored.files,
        closedAt: options.now(),
      });
    },
    async send(email, artifacts, stored) {
      const owner = { runId: artifacts.run.runId, period: artifacts.report.period.slug };
      if (options.force) {
        await overrideEmailMarker(s3, bucket, keys.emailMarker, owner);
      } else {
        const claim = await claimEmailMarker(s3, bucket, keys.emailMarker, owner);
        if (claim.kind !== 'claimed') {
          throw new Error(
            `the email for ${owner.period} was claimed meanwhile by run ${claim.record.runId} (${claim.record.state}); nothing was sent. Invoke with "force": true to send again`,
          );
        }
      }
      try {
        const raw = await buildRawMessage({
          from: options.sender,
          to: options.recipients,
          subject: email.subject,
          html: email.html,
          text: email.text,
          date: options.now(),
          inlineImages: inlineChartParts(email.inlineImages),
          attachments: stored.email.attached
            ? [
                {
                  filename: artifacts.workbookFileName,
                  contentType: XLSX_CONTENT_TYPE,
                  content: await readFile(artifacts.workbookPath),
                },
              ]
            : [],
        });
        const { messageId } = await sendRawEmail(options.ses, {
          from: options.sender,
          to: options.recipients,
          raw,
        });
        return { messageId };
      } catch (error) {
        // A send SES received but whose answer was lost was, in all likelihood, delivered: it is
        // recorded as sent (the marker then says so), so no retry emails finance a second time and
        // no marker is left in doubt. The result names the lost answer and the force event.
        if (error instanceof EmailSendError && error.mayHaveBeenSent) return { messageId: ANSWER_LOST };
        // No marker for an email that did not leave: the retry must be free to send it.
        await releaseEmailMarker(s3, bucket, keys.emailMarker);
        throw error;
      }
    },
  };
}

/** Where the workbook was stored, in the forms the email and the handler result show. */
async function storedObjectOf(s3: S3Client, bucket: string, key: string): Promise<StoredObject> {
  return {
    bucket,
    key,
    uri: `s3://${bucket}/${key}`,
    consoleUrl: s3ConsoleUrl(await s3.config.region(), bucket, key),
  };
}
