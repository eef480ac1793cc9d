import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closableFrom, FIRST_REPORT_DAY } from '#close/close-timing.js';
import { decide } from '#core/run/decide.js';
import {
  type EmailMarkerName,
  type EmailState,
  NOTHING_SENT,
  type PeriodState,
} from '#core/run/period-state.js';
import type { RunPlan } from '#core/run/run-plan.js';
import { type DecideInput, decideInputArb, isLive, liveClaimInputArb } from './run-arbitraries.js';

/**
 * The guarantees of issue 27 ("The guarantees") over random requests, stored states and clocks.
 * Each property states a guarantee in its own terms, not decide.ts's branches; fast-check
 * shrinks a failure to a small counterexample, which then becomes a row of decide.test.ts.
 */

const RUNS = { numRuns: 400 };

const planOf = (input: DecideInput): RunPlan => decide(input.request, input.state, input.now, input.settings);

/** Holds `check` for every random input. */
function forAll(
  check: (input: DecideInput, plan: RunPlan) => void,
  inputs: fc.Arbitrary<DecideInput> = decideInputArb,
): void {
  fc.assert(
    fc.property(inputs, (input) => {
      check(input, planOf(input));
    }),
    RUNS,
  );
}

/** Half the runs with a live claim on the period: a guarantee about live claims needs many. */
const WITH_LIVE_CLAIMS = fc.oneof(decideInputArb, liveClaimInputArb);

const isDemoReplace = ({ request, state }: DecideInput): boolean =>
  request.close !== undefined && request.replacesDemoCloses && state.record?.source === 'demo';

const withMarker = (state: PeriodState, marker: EmailMarkerName, email: EmailState): PeriodState => ({
  ...state,
  email: { ...state.email, [marker]: email },
});

/** What sort of case a plan is, finely enough to see that the random inputs reach each. */
function caseOf(plan: RunPlan): string {
  switch (plan.kind) {
    case 'refuse':
      return `refuse ${plan.refusal.reason.kind}`;
    case 'wait':
      return `wait ${plan.waiting.reason}`;
    case 'serve-record':
      return `serve-record ${plan.email}`;
    case 'duplicate':
      return `duplicate ${plan.marker}`;
    case 'showback-only':
      return 'showback-only';
    case 'build':
      return `build ${plan.build.status} ${plan.build.files} ${plan.build.claim?.kind ?? 'no claim'}`;
  }
}

describe('the random inputs', () => {
  it('reach every kind of plan, so no property below holds for want of cases', () => {
    const seen = new Set(
      fc.sample(decideInputArb, { numRuns: 3000, seed: 27 }).map((i) => caseOf(planOf(i))),
    );
    expect([...seen].sort()).toEqual(
      [
        'refuse close-of-a-slice',
        'refuse before-first-report-day',
        'refuse too-early',
        'refuse closed-elsewhere',
        'refuse claimed-elsewhere',
        'refuse being-closed',
        'refuse email-in-doubt',
        'wait not-settled',
        'wait being-closed',
        'serve-record none',
        'serve-record if-unsent',
        'serve-record resend',
        'duplicate close',
        'duplicate preliminary',
        'duplicate preview',
        'duplicate filtered',
        'showback-only',
        'build closed record new',
        'build closed record take-over',
        'build preliminary record no claim',
        'build preliminary preview no claim',
        'build preliminary filtered no claim',
      ].sort(),
    );
  });
});

describe('decide(): one record per month, whatever the alignment', () => {
  it('never builds a close over a record (bar a demo close replacing a demo one) or a month closed elsewhere', () => {
    forAll((input, plan) => {
      if (plan.kind !== 'build' || plan.build.status !== 'closed') return;
      expect(input.request.close).toBeDefined();
      expect(input.state.closedElsewhere).toBeUndefined();
      if (input.state.record !== undefined) {
        expect(isDemoReplace(input)).toBe(true);
        expect(plan.build.replacesDemoClose).toBe(input.state.record);
      } else {
        expect(plan.build.replacesDemoClose).toBeUndefined();
      }
    });
  });

  it("never writes the record's names while the period or its month has a record or a live claim", () => {
    forAll((input, plan) => {
      if (plan.kind !== 'build' || plan.build.files !== 'record') return;
      const { state, now, settings } = input;
      if (!isDemoReplace(input)) expect(state.record).toBeUndefined();
      expect(state.closedElsewhere).toBeUndefined();
      expect(isLive(state.claim, now, settings)).toBe(false);
      expect(isLive(state.claimedElsewhere, now, settings)).toBe(false);
      expect(input.request.filtered).toBe(false);
    }, WITH_LIVE_CLAIMS);
  });
});

describe('decide(): no close before the period and its bill have ended', () => {
  it('builds a close only from closableFrom(period.to, settleHours) on', () => {
    forAll(({ request, now, settings }, plan) => {
      if (plan.kind !== 'build' || plan.build.status !== 'closed') return;
      expect(now.getTime()).toBeGreaterThanOrEqual(
        closableFrom(request.period.to, settings.closeSettleHours).getTime(),
      );
    });
  });

  it('refuses a too-early close naming its field and when it may run; the catch-up waits instead', () => {
    forAll(({ request, now, settings }, plan) => {
      if (plan.kind === 'wait' && plan.waiting.reason === 'not-settled') {
        expect(request.trigger).toBe('catch-up');
        expect(plan.waiting.notBefore).toEqual(closableFrom(request.period.to, settings.closeSettleHours));
        expect(now < plan.waiting.notBefore).toBe(true);
      }
      if (plan.kind !== 'refuse' || plan.refusal.reason.kind !== 'too-early') return;
      const notBefore = closableFrom(request.period.to, settings.closeSettleHours);
      expect(request.trigger).not.toBe('catch-up');
      expect(plan.refusal).toEqual({
        kind: 'input',
        field: request.close?.field,
        value: request.close?.value,
        reason: { kind: 'too-early', notBefore, settleHours: settings.closeSettleHours },
      });
      expect(now < notBefore).toBe(true);
    });
  });

  it('never fails the catch-up for timing or a live claim: it waits', () => {
    forAll(({ request }, plan) => {
      if (request.trigger !== 'catch-up' || plan.kind !== 'refuse') return;
      expect(['too-early', 'being-closed', 'claimed-elsewhere']).not.toContain(plan.refusal.reason.kind);
    }, WITH_LIVE_CLAIMS);
  });

  it('refuses a period before the first report day, by the calendar the period was named in', () => {
    forAll(({ request, month }, plan) => {
      const before = `${month.year}-${String(month.month).padStart(2, '0')}-01` < FIRST_REPORT_DAY;
      const sliceClose = request.close !== undefined && request.filtered;
      const refusedAsEarly = plan.kind === 'refuse' && plan.refusal.reason.kind === 'before-first-report-day';
      expect(refusedAsEarly).toBe(before && !sliceClose);
      if (refusedAsEarly) {
        expect(plan.refusal).toMatchObject({
          kind: 'input',
          field: request.periodAskedBy.field,
          value: request.periodAskedBy.value,
        });
      }
    });
  });
});

describe('decide(): exclusive close', () => {
  it('never builds a close while another run holds a live claim on the period or its month', () => {
    forAll(({ state, now, settings }, plan) => {
      if (plan.kind !== 'build' || plan.build.status !== 'closed') return;
      expect(isLive(state.claim, now, settings)).toBe(false);
      expect(isLive(state.claimedElsewhere, now, settings)).toBe(false);
    }, WITH_LIVE_CLAIMS);
  });

  it('takes a stale, unreadable or abandoned claim over, never as a new claim; a preliminary run claims nothing', () => {
    forAll(({ state }, plan) => {
      if (plan.kind !== 'build') return;
      if (plan.build.status === 'preliminary') {
        expect(plan.build.claim).toBeUndefined();
        return;
      }
      const claim = state.claim;
      expect(plan.build.claim).toEqual(
        claim === undefined
          ? { kind: 'new' }
          : { kind: 'take-over', of: claim.kind === 'held' ? claim.runId : 'an unreadable claim' },
      );
    });
  });

  it('lets no dead claim stop a close: where no claim would close, a dead one is taken over', () => {
    forAll((input) => {
      const { state, now, settings } = input;
      if (state.claim === undefined || isLive(state.claim, now, settings)) return;
      const unclaimed = planOf({ ...input, state: { ...state, claim: undefined } });
      if (unclaimed.kind !== 'build' || unclaimed.build.status !== 'closed') return;
      const of = state.claim.kind === 'held' ? state.claim.runId : 'an unreadable claim';
      expect(planOf(input)).toEqual({
        ...unclaimed,
        build: { ...unclaimed.build, claim: { kind: 'take-over', of } },
      });
    });
  });

  it("while a live claim holds the period, a finance close without force leaves the holder's email alone", () => {
    forAll(({ request, state, now, settings }, plan) => {
      const holds = isLive(state.claim, now, settings);
      if (!holds || request.close === undefined || request.email !== 'finance' || request.force) return;
      expect(['build', 'serve-record', 'duplicate', 'showback-only']).not.toContain(plan.kind);
      if (plan.kind === 'refuse') expect(plan.refusal.reason.kind).not.toBe('email-in-doubt');
    }, WITH_LIVE_CLAIMS);
  });
});

describe('decide(): exactly one finance email per period', () => {
  it('emails only when asked to, and resends a record only when forced', () => {
    forAll(({ request }, plan) => {
      if (plan.kind === 'build' && plan.build.marker !== undefined) expect(request.email).toBe('finance');
      if (plan.kind === 'serve-record' && plan.email !== 'none') expect(request.email).toBe('finance');
      if (plan.kind === 'serve-record' && plan.email === 'resend') expect(request.force).toBe(true);
      if (plan.kind === 'serve-record' && plan.email === 'if-unsent') expect(request.force).toBe(false);
    });
  });

  it("never builds a run that emails under a marker already 'sent' or 'sending', unless forced", () => {
    forAll((input, plan) => {
      if (plan.kind !== 'build' || plan.build.marker === undefined || input.request.force) return;
      if (isDemoReplace(input)) return; // a demo's close of new demo data replaces the old one's, email too
      expect(input.state.email[plan.build.marker].kind).toBe('none');
    });
  });

  it("turns the marker it would send under, once 'sent', into a duplicate, and once 'sending' into a refusal naming it", () => {
    forAll((input) => {
      if (input.request.force || isDemoReplace(input)) return;
      const clean = { ...input, state: { ...input.state, email: NOTHING_SENT } };
      const unsent = planOf(clean);
      const marker = unsent.kind === 'build' ? unsent.build.marker : undefined;
      if (marker === undefined) return;
      const sent = planOf({
        ...clean,
        state: withMarker(clean.state, marker, { kind: 'sent', runId: 'run-x' }),
      });
      const showbackLeft = marker === 'close' && input.request.showback && input.state.showbackPending;
      expect(sent).toEqual(
        showbackLeft
          ? { kind: 'showback-only', emailedBy: 'run-x' }
          : { kind: 'duplicate', marker, emailedBy: 'run-x' },
      );
      const since = new Date(input.now.getTime() - 60_000);
      const sending = planOf({
        ...clean,
        state: withMarker(clean.state, marker, { kind: 'sending', runId: 'run-x', since }),
      });
      const askedBy = input.request.close ?? input.request.periodAskedBy;
      expect(sending).toEqual({
        kind: 'refuse',
        refusal: {
          kind: 'state',
          field: askedBy.field,
          value: askedBy.value,
          reason: { kind: 'email-in-doubt', marker, runId: 'run-x', since },
        },
      });
    });
  });

  it("serves a record's email without force only if it never left: 'sending' is refused, 'sent' sends nothing", () => {
    forAll((input) => {
      const { request, state, now, settings } = input;
      if (request.force || state.record === undefined || isDemoReplace(input)) return;
      if (request.close === undefined || request.email !== 'finance' || isLive(state.claim, now, settings))
        return;
      const unsent = planOf({ ...input, state: withMarker(state, 'close', { kind: 'none' }) });
      if (unsent.kind !== 'serve-record') return;
      expect(unsent.email).toBe('if-unsent');
      const sending = planOf({
        ...input,
        state: withMarker(state, 'close', { kind: 'sending', runId: 'run-x', since: undefined }),
      });
      expect(sending).toMatchObject({ kind: 'refuse', refusal: { reason: { kind: 'email-in-doubt' } } });
      const sent = planOf({ ...input, state: withMarker(state, 'close', { kind: 'sent', runId: 'run-x' }) });
      expect(['serve-record', 'showback-only']).toContain(sent.kind);
      if (sent.kind === 'serve-record') expect(sent.email).toBe('if-unsent');
    });
  });
});

describe('decide(): manual events do what the docs say', () => {
  it('serves the record for force or email:false on a closed, unfiltered period without close', () => {
    forAll(({ request, state, month }, plan) => {
      const early = `${month.year}-${String(month.month).padStart(2, '0')}` < FIRST_REPORT_DAY.slice(0, 7);
      if (state.record === undefined || request.close !== undefined || request.filtered || early) return;
      if (!request.force && request.email !== 'link-only') return;
      expect(plan).toEqual({
        kind: 'serve-record',
        record: state.record,
        email: request.force && request.email === 'finance' ? 'resend' : 'none',
      });
    });
  });

  it('names, in every refusal, a field and value of the request', () => {
    forAll(({ request }, plan) => {
      if (plan.kind !== 'refuse') return;
      const asked = [request.periodAskedBy, ...(request.close ? [request.close] : [])];
      expect(asked).toContainEqual({ field: plan.refusal.field, value: plan.refusal.value });
    });
  });
});

describe('decide() is a function', () => {
  it('gives the same plan for the same inputs, never throws and changes none of them', () => {
    fc.assert(
      fc.property(decideInputArb, (input) => {
        const before = JSON.stringify(input);
        const first = planOf(deepFreeze(input));
        expect(planOf(structuredClone(input))).toEqual(first);
        expect(JSON.stringify(input)).toBe(before);
      }),
      RUNS,
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
