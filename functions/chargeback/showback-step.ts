import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import type { FetchStats, Session } from '#core/session.js';
import type { RunLog } from '#pipeline/run-log.js';
import { runShowback, ShowbackIncompleteError } from '#showback/run-showback.js';
import { createAwsShowback, markShowbackFinished } from './aws-showback.js';
import type { ChargebackRun } from './chargeback-event.js';
import type { ChargebackResult } from './chargeback-result.js';
import type { LambdaConfig } from './lambda-config.js';
import type { ReportKeys } from './report-keys.js';
import { s3SessionArchives } from './session-archives.js';

/**
 * Showback belongs to the whole monthly report only: a filtered or
 * redirected manual run would mail owners a partial slice and use up their
 * one email of the period.
 */
export function showbackApplies(config: Pick<LambdaConfig, 'showback'>, run: ChargebackRun): boolean {
  if (!config.showback) return false;
  if (run.kind === 'scheduled') return true;
  return (
    run.email &&
    run.recipients === undefined &&
    run.orgIds.length === 0 &&
    run.userIds.length === 0 &&
    run.tags.length === 0
  );
}

/**
 * After finance's email is recorded: each owner's email, then the period's
 * "all sent" marker. Any owner that failed fails the invocation (after the
 * others were served), so Lambda's retry sends just the missing ones.
 */
export async function showbackStep(
  input: {
    readonly report: ChargebackReport;
    readonly sessions: Iterable<Session>;
    readonly run: RunInfo;
    readonly stats: FetchStats;
    readonly result: ChargebackResult;
  },
  deps: {
    readonly config: LambdaConfig;
    readonly s3: S3Client;
    readonly ses: SESClient;
    readonly keys: ReportKeys;
    readonly now: () => Date;
    readonly workDir: string;
    readonly log: RunLog;
    readonly durableLink?:
      | ((key: string, now: Date) => Promise<{ url: string; expiresAt: Date }>)
      | undefined;
  },
): Promise<ChargebackResult> {
  const { config, keys } = deps;
  const period = input.report.period.slug;
  const delivery = createAwsShowback({
    s3: deps.s3,
    ses: deps.ses,
    bucket: config.bucket,
    keys,
    runId: input.run.runId,
    period,
    sender: config.sender,
    replyTo: config.replyTo,
    linkTtlSeconds: config.linkTtlSeconds,
    durableLink: deps.durableLink,
    now: deps.now,
  });
  const outcome = await runShowback(
    {
      ...input,
      maxSessionRows: config.maxSessionRows,
      sessionArchives: s3SessionArchives(config.bucket, config.prefix, input.report.period),
    },
    { delivery, workDir: deps.workDir, log: deps.log },
  );
  deps.log.info('showback done', {
    period,
    sent: outcome.sent.length,
    alreadySent: outcome.alreadySent.length,
    failed: outcome.failed.length,
  });
  if (outcome.failed.length > 0) throw new ShowbackIncompleteError(period, outcome);
  await markShowbackFinished(deps.s3, config.bucket, keys, {
    runId: input.run.runId,
    period,
    sentAt: deps.now().toISOString(),
  });
  return {
    ...input.result,
    showback: { sent: outcome.sent.length, alreadySent: outcome.alreadySent.length },
  };
}
