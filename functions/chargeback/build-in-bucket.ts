import { completeEmailMarker } from '#aws/email-marker.js';
import type { BillingCycle } from '#core/period/billing-cycle.js';
import type { Build } from '#core/run/run-plan.js';
import type { RunRequest } from '#core/run/run-request.js';
import type { DevinClient } from '#devin/client/devin-client.js';
import type { SessionFilters } from '#distributed/distributed-run.js';
import { runChargebackReport } from '#pipeline/run-chargeback-report.js';
import { createAwsDelivery } from './aws-delivery.js';
import type { BucketNames } from './bucket-names.js';
import type { ChargebackRun } from './chargeback-event.js';
import type { ChargebackOutcome, ChargebackResult } from './chargeback-result.js';
import type { DurableLinkIssuer } from './durable-link-issuer.js';
import { keepStoredReport } from './keep-stored-report.js';
import { loadCostCentreObject } from './load-cost-centre-object.js';
import { reportResult } from './report-result.js';
import type { JobDeps } from './run-chargeback-job.js';
import { s3ClosedPeriods, s3SameMonthStores } from './s3-closed-periods.js';
import { showbackStep } from './showback-step.js';

export interface BucketBuild extends Pick<BucketNames, 'keysOf' | 'markerKey'> {
  readonly run: ChargebackRun;
  readonly request: RunRequest;
  readonly deps: Omit<JobDeps, 'devin'> & {
    readonly devin: DevinClient;
    readonly cycles: readonly BillingCycle[] | undefined;
  };
  readonly filters: SessionFilters;
  readonly recipients: readonly string[];
  readonly durableLink: DurableLinkIssuer;
}

/**
 * A build in the bucket: the pipeline with the AWS delivery (S3, then the record, then one SES
 * email under the plan's marker), the marker completed, then the owners' showback emails. With
 * `financeEmailed`, finance had the email: the stored report is kept and only owners are emailed.
 */
export async function buildInBucket(
  plan: Build,
  { run, request, deps, filters, recipients, durableLink, keysOf, markerKey }: BucketBuild,
  financeEmailed?: ChargebackResult,
): Promise<ChargebackOutcome> {
  const { config, s3 } = deps;
  const { bucket, prefix } = config;
  const period = request.period;
  const keys = keysOf(plan.files);
  const marker = plan.marker === undefined ? keys.emailMarker : markerKey(plan.marker);
  const awsDelivery = createAwsDelivery({
    s3,
    ses: deps.ses,
    bucket,
    keys: { ...keys, emailMarker: marker },
    prefix,
    sender: config.sender,
    recipients,
    linkTtlSeconds: config.linkTtlSeconds,
    durableLink,
    attachMaxBytes: config.attachMaxBytes,
    focus: config.focus,
    force: request.force,
    now: deps.now,
  });
  const record = financeEmailed
    ? await s3SameMonthStores(s3, bucket, prefix, period).own.readRecord()
    : undefined;
  const delivery = financeEmailed
    ? keepStoredReport(awsDelivery, financeEmailed, s3, keys, record)
    : awsDelivery;
  const costCentres = await loadCostCentreObject(s3, config);
  if (config.showback && costCentres === undefined) {
    deps.log.warn('SHOWBACK is on but there is no cost-centre map: no owner is emailed', {
      key: config.costCentresKey,
    });
  }
  const outcome = await runChargebackReport(
    {
      devin: deps.devin,
      delivery,
      source: 'api',
      runId: deps.runId,
      now: deps.now,
      workDir: deps.workDir,
      log: deps.log,
      ...(deps.fromParts && { readSessions: deps.fromParts.readSessions }),
    },
    {
      period,
      pricing: config.pricing,
      filters,
      runStatus: plan.status === 'closed' || record !== undefined ? 'closed' : 'preliminary',
      files: keys.files,
      email: plan.marker !== undefined && financeEmailed === undefined,
      costCentres,
      costBasis: (run.kind === 'manual' && run.costBasis) || config.costBasis,
      cycles: deps.cycles,
      maxSessionRows: config.maxSessionRows,
      trueUps: s3ClosedPeriods(s3, config),
    },
  );
  // The spool outlives the report only for the showback slices; a warm Lambda's /tmp must not keep it.
  try {
    const result = reportResult(outcome, { period, bucket, keys, runId: deps.runId });
    if (outcome.sent) {
      await completeEmailMarker(s3, bucket, marker, {
        runId: deps.runId,
        period: period.slug,
        messageId: outcome.sent.messageId,
        sentAt: deps.now().toISOString(),
        result,
      });
    }
    if (!(request.showback && costCentres !== undefined) || !(outcome.sent || financeEmailed)) return result;
    return await showbackStep(
      {
        report: outcome.report,
        sessions: outcome.sessions,
        run: outcome.run,
        stats: outcome.stats,
        result: financeEmailed ? { ...financeEmailed, duplicateOf: financeEmailed.runId } : result,
      },
      { config, s3, ses: deps.ses, keys, now: deps.now, workDir: deps.workDir, log: deps.log, durableLink },
    );
  } finally {
    await outcome.release();
  }
}
