import { holdCloseLease } from '#close/close-lease.js';
import type { CloseRecord } from '#close/close-record.js';
import { STALE_CLOSE_CLAIM_MS } from '#close/close-store.js';
import { claimMonthClose, type SameMonthStores } from '#close/same-month-close.js';
import { decide } from '#core/run/decide.js';
import type { EmailMarkerName, StoredClaim } from '#core/run/period-state.js';
import type { Build, RecordEmail, RunPlan, Waiting } from '#core/run/run-plan.js';
import type { RunRequest } from '#core/run/run-request.js';
import type { RunLog } from '#pipeline/run-log.js';
import { type EmailStates, readPeriodState } from './read-period-state.js';
import { refusalError } from './run-refused-error.js';

/**
 * What the engine needs of a backend (the Lambda's S3 and SES, or the CLI's folder): the period's
 * close stores, what its markers say, and how each plan is carried out there. The decision, the
 * claim, the lease and its release are the engine's alone.
 */
export interface RunPorts<Result> {
  readonly runId: string;
  readonly now: () => Date;
  readonly log: RunLog;
  readonly closeSettleHours: number;
  /** When the invocation is killed (the Lambda's timeout); none on a laptop. */
  readonly deadline?: (() => Date) | undefined;
  readonly stores: SameMonthStores;
  readonly emailStates: () => Promise<EmailStates>;
  /** The event or command that resends an email in doubt, for the refusal's message. */
  readonly resendHint: string;
  serveRecord(record: CloseRecord, email: RecordEmail): Promise<Result>;
  duplicate(marker: EmailMarkerName, emailedBy: string): Promise<Result>;
  waiting(waiting: Waiting): Result;
  /** Finance has the close's email: only the owners' showback emails are sent. */
  showbackOnly(emailedBy: string): Promise<Result>;
  /** Builds the report for the plan's names and marker (the close's, once claimed). */
  build(build: Build): Promise<Result>;
  /** Before anything is claimed: a period too big for one invocation goes elsewhere (the Lambda's state machine). */
  handOver?(build: Build): Promise<Result | undefined>;
  /** The demo only: removes an earlier demo's close of demo data before a new one. */
  removeDemoClose?(record: CloseRecord): Promise<void>;
}

/** A claim that another run took between the read and the claim: read again and decide again. */
const DECISIONS = 3;

/**
 * The one engine: reads the period's state, asks decide() and carries out its plan. A close
 * claims the period first (exclusive: put-if-absent, or replace-if-unchanged over a dead claim),
 * holds it as a lease renewed while it works, and releases it in a finally, so a failed close
 * never locks the period. Called by the Lambda (schedule, catch-up, manual events, the merge
 * step) and the CLI alike.
 */
export async function runPeriod<Result>(request: RunRequest, ports: RunPorts<Result>): Promise<Result> {
  for (let decision = 1; ; decision++) {
    const read = await readPeriodState(ports.stores, ports.emailStates);
    const now = ports.now();
    const plan = decide(request, read.state, now, {
      closeSettleHours: ports.closeSettleHours,
      staleClaimMs: STALE_CLOSE_CLAIM_MS,
    });
    ports.log.info('run decided', { runId: ports.runId, period: request.period.slug, plan: planLine(plan) });
    switch (plan.kind) {
      case 'refuse':
        throw refusalError(plan.refusal, request.period, ports.resendHint);
      case 'wait':
        return ports.waiting(plan.waiting);
      case 'serve-record':
        if (read.record === undefined) throw new Error('decide() served a record the store does not hold');
        await releaseDeadClaim(ports, read.state.claim, now);
        return ports.serveRecord(read.record, plan.email);
      case 'duplicate':
        return ports.duplicate(plan.marker, plan.emailedBy);
      case 'showback-only':
        return ports.showbackOnly(plan.emailedBy);
      case 'build':
        break;
    }
    const { build } = plan;
    const handedOver = ports.handOver ? await ports.handOver(build) : undefined;
    if (handedOver !== undefined) return handedOver;
    if (build.claim === undefined) return ports.build(build);
    if (build.replacesDemoClose !== undefined && read.record !== undefined) {
      await ports.removeDemoClose?.(read.record);
    }
    const claim = await claimMonthClose(ports.stores, request.period, ports.runId, ports.now());
    if (claim.kind !== 'claimed') {
      // Closed or claimed meanwhile: what the run does now is decided on what is stored now.
      if (decision < DECISIONS) continue;
      throw new Error(
        `${request.period.label}'s close kept changing during ${DECISIONS} decisions; nothing was written`,
      );
    }
    const lease = holdCloseLease(ports.stores.own, ports.runId, ports.now, (why) =>
      ports.log.warn(why, { runId: ports.runId, period: request.period.slug }),
    );
    const warning = ports.deadline && timeoutWarning(ports.deadline(), ports, lease.expireAt);
    try {
      return await ports.build(build);
    } finally {
      if (warning) clearTimeout(warning);
      await lease.end();
    }
  }
}

/**
 * A closed period's claim whose holder died after writing the record (killed before it released
 * it) is a leftover: the next run of the period removes it. A live holder's is its own to release.
 */
async function releaseDeadClaim(
  ports: Pick<RunPorts<unknown>, 'stores'>,
  claim: StoredClaim | undefined,
  now: Date,
): Promise<void> {
  if (claim?.kind !== 'held') return;
  const dead = claim.holderGone || now.getTime() - claim.since.getTime() >= STALE_CLOSE_CLAIM_MS;
  if (dead) await ports.stores.own.release(claim.runId);
}

/** How long before the invocation's deadline the close hands its lease on. */
export const TIMEOUT_WARNING_MS = 15_000;

/**
 * At the timeout warning a close that is still working stamps its claim to die at the deadline:
 * released the moment it is killed, not a lease later, and never while it may still write.
 */
function timeoutWarning(
  deadline: Date,
  ports: Pick<RunPorts<unknown>, 'now' | 'log' | 'runId'>,
  expireAt: (deadline: Date) => Promise<void>,
): NodeJS.Timeout {
  const timer = setTimeout(
    () => {
      ports.log.warn('the invocation is about to time out: the close claim expires with it', {
        runId: ports.runId,
        deadline: deadline.toISOString(),
      });
      expireAt(deadline).catch((error: unknown) =>
        ports.log.warn(`could not stamp the close claim to expire: ${String(error)}`, { runId: ports.runId }),
      );
    },
    Math.max(0, deadline.getTime() - ports.now().getTime() - TIMEOUT_WARNING_MS),
  );
  timer.unref();
  return timer;
}

function planLine(plan: RunPlan): string {
  if (plan.kind === 'build') return `build ${plan.build.status} ${plan.build.files}`;
  if (plan.kind === 'refuse') return `refuse ${plan.refusal.reason.kind}`;
  return plan.kind;
}
