import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import { completeEmailMarker, readEmailMarker } from '../aws/email-marker.js';
import { ACU_DECIMALS, scaledToDecimalString } from '../core/money/acus.js';
import { minorUnitsText } from '../core/money/format.js';
import type { ReportPeriod } from '../core/period/report-period.js';
import { planRun } from '../core/scale/plan-run.js';
import type {
  DevinClient,
  FetchedSessions,
  FetchSessionsOptions,
  SessionQuery,
} from '../devin/client/devin-client.js';
import type { SessionFilters } from '../distributed/distributed-run.js';
import type { HandedOverResult, HandOver } from '../distributed/hand-over.js';
import { createDurableLink } from '../links/durable-link.js';
import type { SigningKeys } from '../links/token/signing-keys.js';
import { resolveReportPeriod } from '../pipeline/period-choice.js';
import { runChargebackReport } from '../pipeline/run-chargeback-report.js';
import type { RunLog } from '../pipeline/run-log.js';
import { createAwsDelivery } from './aws-delivery.js';
import { showbackFinished } from './aws-showback.js';
import type { ChargebackRun } from './chargeback-event.js';
import type { ChargebackOutcome, ChargebackResult } from './chargeback-result.js';
import { keepStoredReport } from './keep-stored-report.js';
import type { LambdaConfig } from './lambda-config.js';
import { loadCostCentreObject } from './load-cost-centre-object.js';
import { manualEventText } from './manual-event-for.js';
import { reportKeys } from './report-keys.js';
import { showbackApplies, showbackStep } from './showback-step.js';

/** Signs links to the link service when the stack has one; undefined keeps presigned links. */
function durableLinkIssuer(config: LambdaConfig, signingKeys: (() => Promise<SigningKeys>) | undefined) {
  const durable = config.durableLinks;
  if (!durable) return undefined;
  if (!signingKeys) throw new Error('durable links are configured but no signing keys were wired');
  return async (key: string, now: Date) =>
    createDurableLink({
      baseUrl: durable.baseUrl,
      key,
      ttlSeconds: config.linkTtlSeconds,
      now,
      keys: await signingKeys(),
    });
}

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
 * One invocation: resolve the period, skip a period that was emailed already
 * (unless forced), run the shared pipeline with the AWS delivery, and record
 * the email so that a retried or duplicated event cannot send it twice.
 */
export async function runChargebackJob(run: ChargebackRun, deps: JobDeps): Promise<ChargebackOutcome> {
  const { config } = deps;
  const devin = await deps.devin();
  const { period, cycles } = await resolveReportPeriod(
    run.kind === 'scheduled' ? { alignment: config.alignment } : run.period,
    { timeZone: config.timeZone, now: run.kind === 'scheduled' ? run.scheduledTime : deps.now(), devin },
  );
  if (deps.fromParts) assertPlannedPeriod(period, deps.fromParts.period, deps.runId);
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

  const earlier =
    wantsEmail && !force ? await readEmailMarker(deps.s3, config.bucket, keys.emailMarker) : undefined;
  const alreadySent = earlier?.state === 'sent' && earlier.result !== undefined;
  // A duplicate of an emailed period reads nothing more, unless owners may still be waiting.
  const costCentres =
    alreadySent && !config.showback ? undefined : await loadCostCentreObject(deps.s3, config);
  const showback = costCentres !== undefined && showbackApplies(config, run);
  if (config.showback && costCentres === undefined && !alreadySent) {
    deps.log.warn('SHOWBACK is on but there is no cost-centre map: no owner is emailed', {
      key: config.costCentresKey,
    });
  }
  // Finance was emailed but some owner was not: run again for the owners only.
  let financeEmailed: ChargebackResult | undefined;
  if (earlier !== undefined && alreadySent) {
    if (showback && !(await showbackFinished(deps.s3, config.bucket, keys))) {
      financeEmailed = earlier.result as ChargebackResult;
      deps.log.info('period already emailed to finance; sending the showback emails still missing', {
        runId: deps.runId,
        period: period.slug,
      });
    } else {
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
  } else if (earlier !== undefined) {
    // A run that died mid-send (e.g. at the Lambda timeout) may or may not have mailed finance:
    // refusing beats a duplicate, and the message says how to settle it.
    const since = earlier.writtenAt ? ` since ${earlier.writtenAt.toISOString()}` : '';
    throw new Error(
      `the email for ${period.slug} has been marked '${earlier.state}' by run ${earlier.runId}${since} and may or may not have been sent. Check the recipients' inbox, then invoke with ${manualEventText(period, { force: true })} to send it again`,
    );
  }

  const filters: SessionFilters =
    run.kind === 'manual'
      ? { orgIds: run.orgIds, userIds: run.userIds, tags: run.tags }
      : { orgIds: [], userIds: [], tags: [] };
  if (deps.handOver) {
    const handedOver = await handOverIfTooBig(run, period, filters, devin, deps.handOver, deps);
    if (handedOver) return handedOver;
  }

  const recipients = run.kind === 'manual' && run.recipients ? run.recipients : config.recipients;
  const durableLink = durableLinkIssuer(config, deps.signingKeys);
  const awsDelivery = createAwsDelivery({
    s3: deps.s3,
    ses: deps.ses,
    bucket: config.bucket,
    keys,
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
  const delivery = financeEmailed ? keepStoredReport(awsDelivery, financeEmailed, deps.s3) : awsDelivery;
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
      email: wantsEmail && financeEmailed === undefined,
      costCentres,
      costBasis: (run.kind === 'manual' && run.costBasis) || config.costBasis,
      cycles,
      maxSessionRows: config.maxSessionRows,
    },
  );
  // The spool outlives the report only for the showback slices; a warm Lambda's /tmp must not keep it.
  try {
    const { report, stored } = outcome;
    const result: ChargebackResult = {
      period: {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        label: period.label,
        timeZone: period.timeZone,
      },
      s3: { bucket: config.bucket, key: stored.workbookObject.key, uri: stored.workbookObject.uri },
      ...(stored.focus && {
        focus: {
          key: stored.focus.parquetKey,
          uri: `s3://${config.bucket}/${stored.focus.parquetKey}`,
          rows: stored.focus.rows,
        },
      }),
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
    if (!showback || !(outcome.sent || financeEmailed)) return result;
    return await showbackStep(
      {
        report,
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

/**
 * Counts the period's sessions and plans: when they fit this invocation with margin, undefined
 * (the run goes on here); otherwise the state machine is started with the run as parsed and the
 * windows, and its execution is the result.
 */
async function handOverIfTooBig(
  run: ChargebackRun,
  period: ReportPeriod,
  filters: SessionFilters,
  devin: DevinClient,
  handOver: HandOver,
  deps: JobDeps,
): Promise<HandedOverResult | undefined> {
  const expectedSessions = await devin.countSessions({ from: period.from, to: period.to, ...filters });
  const plan = planRun({
    period,
    expectedSessions,
    budget: handOver.budget(),
    sessionsPerInvocation: handOver.sessionsPerInvocation,
  });
  deps.log.info('run planned', {
    runId: deps.runId,
    plan: plan.kind,
    expectedSessions,
    capacity: plan.capacity,
    ...(plan.kind === 'distributed' && { windows: plan.windows.length }),
  });
  if (plan.kind === 'single') return undefined;
  const executionArn = await handOver.start({
    runId: deps.runId,
    run,
    period: { from: period.from, to: period.to },
    filters,
    windows: plan.windows.map((window, index) => ({ index, from: window.from, to: window.to })),
  });
  return {
    period: {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      label: period.label,
      timeZone: period.timeZone,
    },
    runId: deps.runId,
    distributed: { executionArn, windows: plan.windows.length, expectedSessions, capacity: plan.capacity },
    emailed: false,
    note: `${period.label} has about ${expectedSessions} sessions, more than one invocation handles with margin (${plan.capacity}): it is read in ${plan.windows.length} windows by Step Functions execution ${executionArn}, whose merge step stores the report and sends the email.`,
  };
}

function assertPlannedPeriod(period: ReportPeriod, planned: { from: Date; to: Date }, runId: string): void {
  if (period.from.getTime() === planned.from.getTime() && period.to.getTime() === planned.to.getTime())
    return;
  throw new Error(
    `run ${runId} was planned for ${planned.from.toISOString()}..${planned.to.toISOString()} but now resolves to ${period.from.toISOString()}..${period.to.toISOString()}; invoke the run again`,
  );
}
