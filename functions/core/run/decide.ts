import { closeTiming, FIRST_REPORT_DAY } from '#close/close-timing.js';
import type { EmailMarkerName, PeriodState, StoredClaim } from './period-state.js';
import type { Build, RunPlan } from './run-plan.js';
import type { RunRequest } from './run-request.js';

export interface DecideSettings {
  /** Hours after the period's last billing day before a close may run. */
  readonly closeSettleHours: number;
  /** A claim not renewed for this long belongs to a close that died. */
  readonly staleClaimMs: number;
}

/**
 * What a run does: a pure function of the request, the period's stored state and the clock.
 * The Lambda (schedule, catch-up, manual events, the merge step) and the CLI all carry out what
 * this returns, through one engine, so they cannot disagree about a period. The cases are the
 * table in docs/close.md and test/core/run/decide.test.ts.
 */
export function decide(
  request: RunRequest,
  state: PeriodState,
  now: Date,
  settings: DecideSettings,
): RunPlan {
  const { period, close } = request;
  if (close !== undefined && request.filtered) {
    return refuse('input', close, { kind: 'close-of-a-slice' });
  }
  // Judged by the calendar the period was named in: January 2024 in Tokyo starts on 31 December UTC.
  if (period.firstDay < FIRST_REPORT_DAY) {
    return refuse('input', request.periodAskedBy, {
      kind: 'before-first-report-day',
      firstDay: FIRST_REPORT_DAY,
    });
  }
  const financeEmail = request.email === 'finance';
  const record = state.record;
  // Only a demo's close replaces a demo close: any other run of a demo-closed period treats it as a record.
  const demoClose =
    close !== undefined && record !== undefined && record.source === 'demo' && request.replacesDemoCloses;
  const holder = liveClaim(state.claim, now, settings);

  if (record !== undefined && !demoClose) {
    if (close !== undefined) {
      if (financeEmail && !request.force) {
        // The close that wrote the record still holds the period: it is sending finance's email
        // or the owners'. Acting on its marker now would send twice, or call its send in doubt.
        if (holder !== undefined) return beingClosed(request, close, holder);
        const sent = state.email.close;
        if (sent.kind === 'sent' && request.showback && state.showbackPending)
          return { kind: 'showback-only', emailedBy: sent.runId };
        if (sent.kind === 'sending') return emailInDoubt(close, 'close', sent);
      }
      return {
        kind: 'serve-record',
        record,
        email: !financeEmail ? 'none' : request.force ? 'resend' : 'if-unsent',
      };
    }
    // The fresh-link and resend events of the 410 page and the email: the record as closed.
    if (!request.filtered && (request.force || request.email === 'link-only')) {
      return { kind: 'serve-record', record, email: financeEmail && request.force ? 'resend' : 'none' };
    }
  }

  if (close !== undefined) {
    const timing = closeTiming(period.to, now, settings.closeSettleHours);
    if (timing.kind === 'too-early') {
      if (request.trigger === 'catch-up')
        return { kind: 'wait', waiting: { reason: 'not-settled', notBefore: timing.notBefore } };
      return refuse('input', close, {
        kind: 'too-early',
        notBefore: timing.notBefore,
        settleHours: settings.closeSettleHours,
      });
    }
    if (state.closedElsewhere !== undefined) {
      return refuse('state', close, { kind: 'closed-elsewhere', record: state.closedElsewhere });
    }
    const elsewhere = liveClaim(state.claimedElsewhere, now, settings);
    if (elsewhere !== undefined) {
      if (request.trigger === 'catch-up')
        return {
          kind: 'wait',
          waiting: { reason: 'being-closed', closingRunId: elsewhere.runId, since: elsewhere.since },
        };
      return refuse('state', close, { kind: 'claimed-elsewhere', ...elsewhere });
    }
    // One record per month: a deployment closes in its configured alignment only.
    if (request.closesIn !== undefined && period.alignment !== request.closesIn) {
      return refuse(
        'input',
        { field: 'alignment', value: period.alignment },
        {
          kind: 'not-the-deployments-alignment',
          closesIn: request.closesIn,
        },
      );
    }
    // Before the marker: a live holder's 'sending' is its send in progress, not one in doubt.
    if (holder !== undefined) return beingClosed(request, close, holder);
    if (financeEmail && !request.force && !demoClose) {
      const sent = state.email.close;
      if (sent.kind === 'sent') {
        return request.showback && state.showbackPending
          ? { kind: 'showback-only', emailedBy: sent.runId }
          : { kind: 'duplicate', marker: 'close', emailedBy: sent.runId };
      }
      if (sent.kind === 'sending') return emailInDoubt(close, 'close', sent);
    }
    return build({
      status: 'closed',
      files: 'record',
      marker: financeEmail ? 'close' : undefined,
      claim:
        state.claim === undefined
          ? { kind: 'new' }
          : {
              kind: 'take-over',
              of: state.claim.kind === 'held' ? state.claim.runId : 'an unreadable claim',
            },
      replacesDemoClose: demoClose ? record : undefined,
    });
  }

  // A preliminary run never writes the names a close wrote or is writing: beside a closed month
  // (under any alignment), or one being closed, it writes preview names.
  const closedOrClosing =
    record !== undefined ||
    state.closedElsewhere !== undefined ||
    holder !== undefined ||
    liveClaim(state.claimedElsewhere, now, settings) !== undefined;
  const files = request.filtered ? 'filtered' : closedOrClosing ? 'preview' : 'record';
  const marker: EmailMarkerName | undefined = !financeEmail
    ? undefined
    : files === 'record'
      ? 'preliminary'
      : files;
  if (marker !== undefined && !request.force) {
    const sent = state.email[marker];
    if (sent.kind === 'sent') return { kind: 'duplicate', marker, emailedBy: sent.runId };
    if (sent.kind === 'sending') return emailInDoubt(request.periodAskedBy, marker, sent);
  }
  return build({ status: 'preliminary', files, marker, claim: undefined, replacesDemoClose: undefined });
}

/** The holder of a claim that is alive: renewed within the lease, by a process not known to be gone. */
function liveClaim(
  claim: StoredClaim | undefined,
  now: Date,
  settings: DecideSettings,
): { readonly runId: string; readonly since: Date; readonly where: string } | undefined {
  if (claim === undefined || claim.kind === 'unreadable' || claim.holderGone) return undefined;
  return now.getTime() - claim.since.getTime() < settings.staleClaimMs
    ? { runId: claim.runId, since: claim.since, where: claim.where }
    : undefined;
}

/** Another run is closing the period: the catch-up leaves it to that run, anyone else is told who. */
function beingClosed(
  request: RunRequest,
  close: { readonly field: string; readonly value: string | number | boolean },
  holder: { readonly runId: string; readonly since: Date; readonly where: string },
): RunPlan {
  if (request.trigger === 'catch-up') {
    return {
      kind: 'wait',
      waiting: { reason: 'being-closed', closingRunId: holder.runId, since: holder.since },
    };
  }
  return refuse('state', close, { kind: 'being-closed', ...holder });
}

function build(b: Build): RunPlan {
  return { kind: 'build', build: b };
}

function refuse(
  kind: 'input' | 'state',
  askedBy: { readonly field: string; readonly value: string | number | boolean },
  reason: Extract<RunPlan, { kind: 'refuse' }>['refusal']['reason'],
): RunPlan {
  return { kind: 'refuse', refusal: { kind, field: askedBy.field, value: askedBy.value, reason } };
}

function emailInDoubt(
  askedBy: { readonly field: string; readonly value: string | number | boolean },
  marker: EmailMarkerName,
  sending: { readonly runId: string; readonly since: Date | undefined },
): RunPlan {
  return refuse('state', askedBy, {
    kind: 'email-in-doubt',
    marker,
    runId: sending.runId,
    since: sending.since,
  });
}
