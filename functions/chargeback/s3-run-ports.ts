import { readEmailMarker } from '#aws/email-marker.js';
import type { BillingCycle } from '#core/period/billing-cycle.js';
import { type EmailMarkerName, type EmailState, NOTHING_SENT } from '#core/run/period-state.js';
import type { Build } from '#core/run/run-plan.js';
import type { RunRequest } from '#core/run/run-request.js';
import type { DevinClient } from '#devin/client/devin-client.js';
import type { SessionFilters } from '#distributed/distributed-run.js';
import type { RunPorts } from '#run/run-period.js';
import { showbackFinished } from './aws-showback.js';
import { bucketNames } from './bucket-names.js';
import { buildInBucket } from './build-in-bucket.js';
import type { ChargebackRun } from './chargeback-event.js';
import type { ChargebackOutcome, ChargebackResult } from './chargeback-result.js';
import { closedPeriodStep } from './closed-period-step.js';
import { durableLinkIssuer } from './durable-link-issuer.js';
import { handOverIfTooBig } from './hand-over-step.js';
import { manualEventText } from './manual-event-for.js';
import type { JobDeps } from './run-chargeback-job.js';
import { s3SameMonthStores } from './s3-closed-periods.js';
import { waitingResult } from './waiting-result.js';

/**
 * The engine's ports in the bucket: the period's close stores and email markers in S3, a build
 * with the AWS delivery (S3, then the record, then one SES email), a record served with a link.
 */
export function s3RunPorts(
  run: ChargebackRun,
  request: RunRequest,
  deps: Omit<JobDeps, 'devin'> & {
    readonly devin: DevinClient;
    readonly cycles: readonly BillingCycle[] | undefined;
  },
): RunPorts<ChargebackOutcome> {
  const { config, s3, period } = { ...deps, period: request.period };
  const { bucket, prefix } = config;
  const filters: SessionFilters =
    run.kind === 'manual'
      ? { orgIds: run.orgIds, userIds: run.userIds, tags: run.tags }
      : { orgIds: [], userIds: [], tags: [] };
  const recipients = run.kind === 'manual' && run.recipients ? run.recipients : config.recipients;
  const durableLink = durableLinkIssuer(config, deps.signingKeys);
  const handOver = deps.handOver;
  const { recordKeys, keysOf, markerKey } = bucketNames(prefix, period, filters);
  const markerState = async (name: EmailMarkerName): Promise<EmailState> => {
    const marker = await readEmailMarker(s3, bucket, markerKey(name));
    if (marker === undefined) return { kind: 'none' };
    // A resend from the record marks 'sent' without a result: it was sent all the same.
    if (marker.state === 'sent') return { kind: 'sent', runId: marker.runId };
    return { kind: 'sending', runId: marker.runId, since: marker.writtenAt };
  };
  const earlierResult = async (name: EmailMarkerName): Promise<ChargebackResult> => {
    const marker = await readEmailMarker(s3, bucket, markerKey(name));
    if (marker?.result === undefined) throw new Error(`the email marker ${markerKey(name)} has no result`);
    return marker.result as ChargebackResult;
  };
  const closedDeps = { ...deps, durableLink };
  const build = (plan: Build, financeEmailed?: ChargebackResult) =>
    buildInBucket(
      plan,
      { run, request, deps, filters, recipients, durableLink, keysOf, markerKey },
      financeEmailed,
    );
  return {
    runId: deps.runId,
    now: deps.now,
    log: deps.log,
    closeSettleHours: config.closeSettleHours,
    deadline: deps.deadline,
    stores: s3SameMonthStores(s3, bucket, prefix, period),
    resendHint: `invoke with ${manualEventText(period, { force: true })}`,
    async emailStates() {
      if (request.email !== 'finance') return { email: NOTHING_SENT, showbackPending: false };
      const [close, preliminary, preview, filtered] = await Promise.all([
        markerState('close'),
        markerState('preliminary'),
        markerState('preview'),
        markerState('filtered'),
      ]);
      const showbackPending =
        request.showback && close.kind === 'sent' && !(await showbackFinished(s3, bucket, recordKeys));
      return { email: { close, preliminary, preview, filtered }, showbackPending };
    },
    serveRecord: (record, email) =>
      closedPeriodStep(
        record,
        { keys: recordKeys, email: email !== 'none', force: email === 'resend', recipients },
        closedDeps,
      ),
    async duplicate(marker, emailedBy) {
      const result = await earlierResult(marker);
      return {
        ...result,
        duplicateOf: emailedBy,
        note: `${period.label} was emailed by run ${emailedBy}; nothing was sent again. Invoke with "force": true to resend, or "email": false for a fresh link.`,
      };
    },
    waiting: (waiting) =>
      waitingResult(
        period,
        deps.runId,
        waiting.reason === 'not-settled'
          ? { reason: 'not-settled', notBefore: waiting.notBefore.toISOString() }
          : {
              reason: 'being-closed',
              closingRunId: waiting.closingRunId,
              ...(waiting.since && { since: waiting.since.toISOString() }),
            },
      ),
    async showbackOnly() {
      deps.log.info('period already emailed to finance; sending the showback emails still missing', {
        runId: deps.runId,
        period: period.slug,
      });
      const financeEmailed = await earlierResult('close');
      return build(
        {
          status: 'closed',
          files: 'record',
          marker: 'close',
          claim: undefined,
          replacesDemoClose: undefined,
        },
        financeEmailed,
      );
    },
    build: (plan) => build(plan),
    ...(handOver && {
      handOver: async () => handOverIfTooBig(run, period, filters, deps.devin, handOver, deps),
    }),
  };
}
