import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import { completeEmailMarker, readEmailMarker } from '../aws/email-marker.js';
import { ACU_DECIMALS, scaledToDecimalString } from '../core/money/acus.js';
import { minorUnitsText } from '../core/money/format.js';
import type { DevinClient } from '../devin/client/devin-client.js';
import { resolveReportPeriod } from '../pipeline/period-choice.js';
import { runChargebackReport } from '../pipeline/run-chargeback-report.js';
import type { RunLog } from '../pipeline/run-log.js';
import { createAwsDelivery } from './aws-delivery.js';
import type { ChargebackRun } from './chargeback-event.js';
import type { ChargebackResult } from './chargeback-result.js';
import type { LambdaConfig } from './lambda-config.js';
import { manualEventText } from './manual-event-for.js';
import { reportKeys } from './report-keys.js';

export interface JobDeps {
  readonly config: LambdaConfig;
  readonly s3: S3Client;
  readonly ses: SESClient;
  /** Built per run: the key comes from Secrets Manager. */
  readonly devin: () => Promise<DevinClient>;
  readonly runId: string;
  readonly now: () => Date;
  readonly workDir: string;
  readonly log: RunLog;
}

/**
 * One invocation: resolve the period, skip a period that was emailed already
 * (unless forced), run the shared pipeline with the AWS delivery, and record
 * the email so that a retried or duplicated event cannot send it twice.
 */
export async function runChargebackJob(run: ChargebackRun, deps: JobDeps): Promise<ChargebackResult> {
  const { config } = deps;
  const devin = await deps.devin();
  const { period, cycles } = await resolveReportPeriod(
    run.kind === 'scheduled' ? { alignment: config.alignment } : run.period,
    { timeZone: config.timeZone, now: run.kind === 'scheduled' ? run.scheduledTime : deps.now(), devin },
  );
  const keys = reportKeys(config.prefix, period);
  const wantsEmail = run.kind === 'scheduled' || run.email;
  const force = run.kind === 'manual' && run.force;
  deps.log.info('chargeback run', {
    runId: deps.runId,
    trigger: run.kind,
    period: period.slug,
    email: wantsEmail,
    force,
  });

  if (wantsEmail && !force) {
    const earlier = await readEmailMarker(deps.s3, config.bucket, keys.emailMarker);
    if (earlier?.state === 'sent' && earlier.result) {
      deps.log.info('period already emailed; returning the earlier result', {
        runId: deps.runId,
        period: period.slug,
        earlierRunId: earlier.runId,
      });
      return {
        ...(earlier.result as ChargebackResult),
        duplicateOf: earlier.runId,
        note: `${period.label} was emailed by run ${earlier.runId}; nothing was sent again. Invoke with "force": true to resend, or "email": false for a fresh link.`,
      };
    }
    if (earlier) {
      // A run that died mid-send (e.g. at the Lambda timeout) may or may not have mailed finance:
      // refusing beats a duplicate, and the message says how to settle it.
      const since = earlier.writtenAt ? ` since ${earlier.writtenAt.toISOString()}` : '';
      throw new Error(
        `the email for ${period.slug} has been marked '${earlier.state}' by run ${earlier.runId}${since} and may or may not have been sent. Check the recipients' inbox, then invoke with ${manualEventText(period, { force: true })} to send it again`,
      );
    }
  }

  const recipients = run.kind === 'manual' && run.recipients ? run.recipients : config.recipients;
  const delivery = createAwsDelivery({
    s3: deps.s3,
    ses: deps.ses,
    bucket: config.bucket,
    keys,
    prefix: config.prefix,
    sender: config.sender,
    recipients,
    linkTtlSeconds: config.linkTtlSeconds,
    attachMaxBytes: config.attachMaxBytes,
    focus: config.focus,
    force,
    now: deps.now,
  });
  const outcome = await runChargebackReport(
    {
      devin,
      delivery,
      source: 'api',
      runId: deps.runId,
      now: deps.now,
      workDir: deps.workDir,
      log: deps.log,
    },
    {
      period,
      pricing: config.pricing,
      filters:
        run.kind === 'manual'
          ? { orgIds: run.orgIds, userIds: run.userIds, tags: run.tags }
          : { orgIds: [], userIds: [], tags: [] },
      email: wantsEmail,
      costBasis: (run.kind === 'manual' && run.costBasis) || config.costBasis,
      cycles,
    },
  );
  const { report, stored } = outcome;
  const result: ChargebackResult = {
    period: {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      label: period.label,
      timeZone: period.timeZone,
    },
    s3: { bucket: config.bucket, key: stored.workbookObject.key, uri: stored.workbookObject.uri },
    focus: {
      key: stored.focus.parquetKey,
      uri: `s3://${config.bucket}/${stored.focus.parquetKey}`,
      rows: stored.focus.rows,
    },
    downloadUrl: stored.link.url,
    downloadUrlExpiresAt: stored.link.expiresAt.toISOString(),
    totals: {
      sessions: report.totals.sessions,
      acus: scaledToDecimalString(report.totals.acus, ACU_DECIMALS),
      cost: minorUnitsText(report.totals.costMinor, report.pricing),
      currency: report.pricing.currency,
    },
    emailed: outcome.sent !== null,
    messageId: outcome.sent?.messageId ?? null,
    runId: deps.runId,
  };
  if (outcome.sent) {
    await completeEmailMarker(deps.s3, config.bucket, keys.emailMarker, {
      runId: deps.runId,
      period: period.slug,
      messageId: outcome.sent.messageId,
      sentAt: deps.now().toISOString(),
      result,
    });
  }
  return result;
}
