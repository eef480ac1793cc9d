import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import { completeEmailMarker } from '../aws/email-marker.js';
import { holdCloseLease } from '../close/close-lease.js';
import { claimMonthClose, monthIsClosed, refuseIfClosedElsewhere } from '../close/same-month-close.js';
import { assertMayClose, closeTiming } from '../core/close/close-timing.js';
import { isFiltered, runFilesFor } from '../core/close/run-files.js';
import type {
  DevinClient,
  FetchedSessions,
  FetchSessionsOptions,
  SessionQuery,
} from '../devin/client/devin-client.js';
import type { SessionFilters } from '../distributed/distributed-run.js';
import type { HandOver } from '../distributed/hand-over.js';
import type { SigningKeys } from '../links/token/signing-keys.js';
import { resolveReportPeriod } from '../pipeline/period-choice.js';
import { runChargebackReport } from '../pipeline/run-chargeback-report.js';
import type { RunLog } from '../pipeline/run-log.js';
import { createAwsDelivery } from './aws-delivery.js';
import { showbackFinished } from './aws-showback.js';
import type { ChargebackRun } from './chargeback-event.js';
import type { ChargebackOutcome } from './chargeback-result.js';
import { closedPeriodStep } from './closed-period-step.js';
import { durableLinkIssuer } from './durable-link-issuer.js';
import { emailGuard } from './email-guard.js';
import { assertPlannedPeriod, handOverIfTooBig } from './hand-over-step.js';
import { keepStoredReport } from './keep-stored-report.js';
import type { LambdaConfig } from './lambda-config.js';
import { loadCostCentreObject } from './load-cost-centre-object.js';
import { emailMarkerOf, reportKeys } from './report-keys.js';
import { reportResult } from './report-result.js';
import { s3ClosedPeriods, s3SameMonthStores } from './s3-closed-periods.js';
import { showbackApplies, showbackStep } from './showback-step.js';
import { waitingResult } from './waiting-result.js';

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
  /** The link signing keys; read only when the configuration has durable links. */
  readonly signingKeys?: (() => Promise<SigningKeys>) | undefined;
  /** Set on the entry people and the schedule invoke: a period too big for one invocation goes to the state machine. */
  readonly handOver?: HandOver | undefined;
  /**
   * Set by the merge step: the sessions come from the windows' parts, which were read for this
   * period; a run that resolves to another period fails rather than report the wrong sessions.
   */
  readonly fromParts?:
    | {
        readonly period: { readonly from: Date; readonly to: Date };
        readonly readSessions: (
          query: SessionQuery,
          options: FetchSessionsOptions,
        ) => Promise<FetchedSessions>;
      }
    | undefined;
}

/**
 * One invocation: resolve the period; a close of a closed period returns its record; otherwise
 * skip what was emailed already (unless forced), claim the close when closing, run the shared
 * pipeline with the AWS delivery (which stores, closes, then emails) and record the email, so
 * that a retried or duplicated event can neither send it twice nor rewrite a closed month.
 */
export async function runChargebackJob(run: ChargebackRun, deps: JobDeps): Promise<ChargebackOutcome> {
  const { config } = deps;
  const devin = await deps.devin();
  const { period, cycles } = await resolveReportPeriod(
    run.kind === 'scheduled' ? { alignment: config.alignment } : run.period,
    {
      timeZone: config.timeZone,
      now: run.kind === 'scheduled' ? run.scheduledTime : deps.now(),
      ...(run.kind === 'scheduled' && { closeSettleHours: config.closeSettleHours }),
      devin,
    },
  );
  if (deps.fromParts) assertPlannedPeriod(period, deps.fromParts.period, deps.runId);
  const closing = run.kind === 'scheduled' || run.close;
  if (closing && run.kind === 'scheduled' && run.catchUp === true) {
    const timing = closeTiming(period.to, deps.now(), config.closeSettleHours);
    if (timing.kind === 'too-early') {
      return waitingResult(period, deps.runId, {
        reason: 'not-settled',
        notBefore: timing.notBefore.toISOString(),
      });
    }
  }
  if (closing) {
    // A scheduled event is checked like a manual one: no close before its bill has ended.
    assertMayClose(
      period,
      deps.now(),
      config.closeSettleHours,
      run.kind === 'scheduled'
        ? { field: 'scheduledTime', value: run.scheduledTime.toISOString() }
        : { field: 'close', value: true },
    );
  }
  const force = run.kind === 'manual' && run.force;
  const wantsEmail = run.kind === 'scheduled' || run.email;
  const recipients = run.kind === 'manual' && run.recipients ? run.recipients : config.recipients;
  const durableLink = durableLinkIssuer(config, deps.signingKeys);
  const filters = filtersOf(run);
  const recordKeys = reportKeys(config.prefix, period);
  const stores = s3SameMonthStores(deps.s3, config.bucket, config.prefix, period);
  const closeStore = stores.own;
  const record = await closeStore.readRecord();
  // A month closed under another alignment is closed too: a preliminary run writes a preview.
  const monthClosed = record !== undefined || (!closing && (await monthIsClosed(stores)));
  const keys = reportKeys(config.prefix, period, runFilesFor(filters, monthClosed && !closing));
  // Refused before anything is read or handed over; claimMonthClose checks again once it claims.
  if (closing && record === undefined) await refuseIfClosedElsewhere(stores.others, period, deps.now());
  const marker = emailMarkerOf(keys, closing);
  deps.log.info('chargeback run', {
    runId: deps.runId,
    trigger: run.kind,
    period: period.slug,
    closing,
    files: keys.files.kind,
    email: wantsEmail,
    force,
  });

  // `force` and `email:false` on a closed period serve its record (the fresh-link and resend
  // events of the 410 page and the email): its bytes and figures as closed, never a new run.
  if (record && !closing && !isFiltered(filters) && (force || !wantsEmail)) {
    return closedPeriodStep(
      record,
      { keys: recordKeys, email: wantsEmail, force, recipients },
      { ...deps, durableLink },
    );
  }
  const showbackWanted = config.showback && showbackApplies(config, run) && closing;
  const guard = await emailGuard(
    {
      s3: deps.s3,
      bucket: config.bucket,
      marker,
      period,
      wantsEmail,
      force,
      showbackPending: async () => showbackWanted && !(await showbackFinished(deps.s3, config.bucket, keys)),
    },
    deps.log,
    deps.runId,
  );
  // A closed period is never rebuilt: only owners still owed their showback email get a run.
  if (record && closing && guard.kind !== 'showback-only') {
    return closedPeriodStep(
      record,
      { keys: recordKeys, email: wantsEmail, force, recipients },
      { ...deps, durableLink },
    );
  }
  if (guard.kind === 'duplicate') return guard.result;
  const financeEmailed = guard.kind === 'showback-only' ? guard.financeEmailed : undefined;
  const costCentres = await loadCostCentreObject(deps.s3, config);
  const showback = costCentres !== undefined && showbackWanted;
  if (config.showback && costCentres === undefined) {
    deps.log.warn('SHOWBACK is on but there is no cost-centre map: no owner is emailed', {
      key: config.costCentresKey,
    });
  }
  if (deps.handOver) {
    const handedOver = await handOverIfTooBig(run, period, filters, devin, deps.handOver, deps);
    if (handedOver) return handedOver;
  }
  const closes = closing && financeEmailed === undefined;
  if (closes) {
    const claim = await claimMonthClose(stores, period, deps.runId, deps.now());
    if (claim.kind === 'closed') {
      return closedPeriodStep(
        claim.record,
        { keys: recordKeys, email: wantsEmail, force, recipients },
        { ...deps, durableLink },
      );
    }
    if (claim.kind === 'in-progress' && run.kind === 'scheduled' && run.catchUp === true) {
      return waitingResult(period, deps.runId, {
        reason: 'being-closed',
        closingRunId: claim.runId,
        ...(claim.since && { since: claim.since.toISOString() }),
      });
    }
    if (claim.kind === 'in-progress') {
      throw new Error(
        `${period.label} is being closed by run ${claim.runId}${claim.since ? ` since ${claim.since.toISOString()}` : ''}; its close record will say when it is done`,
      );
    }
    // Renewed while this run works and released when it ends: a failed close must not lock the period.
    const lease = holdCloseLease(closeStore, deps.runId, deps.now, (why) =>
      deps.log.warn(why, { runId: deps.runId, period: period.slug }),
    );
    try {
      return await closingRun();
    } finally {
      await lease.end();
    }
  }
  return closingRun();

  async function closingRun(): Promise<ChargebackOutcome> {
    const awsDelivery = createAwsDelivery({
      s3: deps.s3,
      ses: deps.ses,
      bucket: config.bucket,
      keys: { ...keys, emailMarker: marker },
      prefix: config.prefix,
      sender: config.sender,
      recipients,
      linkTtlSeconds: config.linkTtlSeconds,
      durableLink,
      attachMaxBytes: config.attachMaxBytes,
      focus: config.focus,
      force,
      now: deps.now,
    });
    const delivery = financeEmailed
      ? keepStoredReport(awsDelivery, financeEmailed, deps.s3, keys, record)
      : awsDelivery;
    const outcome = await runChargebackReport(
      {
        devin,
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
        runStatus: closes || (closing && record !== undefined) ? 'closed' : 'preliminary',
        files: keys.files,
        email: wantsEmail && financeEmailed === undefined,
        costCentres,
        costBasis: (run.kind === 'manual' && run.costBasis) || config.costBasis,
        cycles,
        maxSessionRows: config.maxSessionRows,
        trueUps: s3ClosedPeriods(deps.s3, config),
      },
    );
    // The spool outlives the report only for the showback slices; a warm Lambda's /tmp must not keep it.
    try {
      const result = reportResult(outcome, { period, bucket: config.bucket, keys, runId: deps.runId });
      if (outcome.sent) {
        await completeEmailMarker(deps.s3, config.bucket, marker, {
          runId: deps.runId,
          period: period.slug,
          messageId: outcome.sent.messageId,
          sentAt: deps.now().toISOString(),
          result,
        });
      }
      if (!showback || !(outcome.sent || financeEmailed)) return result;
      return await showbackStep(
        {
          report: outcome.report,
          sessions: outcome.sessions,
          run: outcome.run,
          stats: outcome.stats,
          result: financeEmailed ? { ...financeEmailed, duplicateOf: financeEmailed.runId } : result,
        },
        {
          config,
          s3: deps.s3,
          ses: deps.ses,
          keys,
          now: deps.now,
          workDir: deps.workDir,
          log: deps.log,
          durableLink,
        },
      );
    } finally {
      await outcome.release();
    }
  }
}

function filtersOf(run: ChargebackRun): SessionFilters {
  return run.kind === 'manual'
    ? { orgIds: run.orgIds, userIds: run.userIds, tags: run.tags }
    : { orgIds: [], userIds: [], tags: [] };
}
