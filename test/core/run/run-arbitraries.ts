import fc from 'fast-check';
import { closableFrom } from '#close/close-timing.js';
import { billingDayMonth } from '#core/period/billing-day-month-period.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { zonedDayRangePeriod, zonedMonthPeriod } from '#core/period/zoned-period.js';
import type { DecideSettings } from '#core/run/decide.js';
import type {
  EmailMarkerName,
  EmailState,
  PeriodState,
  StoredClaim,
  StoredRecord,
} from '#core/run/period-state.js';
import type { AskedBy, RunRequest } from '#core/run/run-request.js';

/**
 * Random inputs for `decide()`: real periods (built by the period module, months 2023–2028 in
 * zones east and west of UTC, both alignments, and day ranges), requests of every trigger and
 * option, stored states of every kind, and clocks near the close's first instant and the claim
 * lease's end, where the decision turns.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Zones east and west of UTC, with and without summer time, and a half-hour one. */
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Pacific/Auckland',
  'Asia/Kolkata',
];

export interface Month {
  readonly year: number;
  readonly month: number;
}

export interface DecideInput {
  readonly request: RunRequest;
  readonly state: PeriodState;
  readonly now: Date;
  readonly settings: DecideSettings;
  /** The month the period was built from: the first-report-day check is judged by it. */
  readonly month: Month;
}

const monthArb: fc.Arbitrary<Month> = fc.record({
  year: fc.integer({ min: 2023, max: 2028 }),
  month: fc.integer({ min: 1, max: 12 }),
});

const periodArb: fc.Arbitrary<{ period: ReportPeriod; month: Month }> = fc.oneof(
  fc
    .tuple(monthArb, fc.constantFrom(...ZONES))
    .map(([m, zone]) => ({ period: zonedMonthPeriod(m.year, m.month, zone), month: m })),
  monthArb.map((m) => ({ period: billingDayMonth(m.year, m.month), month: m })),
  fc.tuple(monthArb, fc.integer({ min: 1, max: 28 }), fc.constantFrom(...ZONES)).map(([m, days, zone]) => ({
    period: zonedDayRangePeriod({ ...m, day: 1 }, { ...m, day: days }, zone),
    month: m,
  })),
);

const valueArb = fc.oneof(
  fc.constantFrom('2026-10', '2026-11-01T14:00:00.000Z', true),
  fc.string(),
  fc.integer(),
);

const periodAskedByArb: fc.Arbitrary<AskedBy> = fc.record({
  field: fc.constantFrom('scheduledTime', 'month', '--month', 'cycle', 'from', 'to'),
  value: valueArb,
});

const closeAskedByArb: fc.Arbitrary<AskedBy> = fc.record({
  field: fc.constantFrom('scheduledTime', 'close', '--close'),
  value: valueArb,
});

/** The schedule and the catch-up close (now and then not, to hold the odd request too); a person may. */
const closeArb = (trigger: RunRequest['trigger']): fc.Arbitrary<AskedBy | undefined> =>
  trigger === 'person'
    ? fc.option(closeAskedByArb, { nil: undefined, freq: 2 })
    : fc.oneof({ arbitrary: closeAskedByArb, weight: 9 }, fc.constant(undefined));

/** Mostly true or mostly false: the cases that matter need several flags in one position at once. */
const mostly = (value: boolean) =>
  fc.oneof({ arbitrary: fc.constant(value), weight: 3 }, fc.constant(!value));

const runIdArb = fc.constantFrom('run-a', 'run-b', 'run-c');

const recordArb = (alignment: string): fc.Arbitrary<StoredRecord | undefined> =>
  fc.option(
    fc.record({
      runId: runIdArb,
      closedAt: fc.constant('2026-11-01T14:05:00.000Z'),
      source: fc.constantFrom('api', 'demo'),
      where: fc.constantFrom('s3://reports/devin-acu-chargeback-2026-10.close.json', 'out/x.close.json'),
      label: fc.constant('October 2026'),
      alignment: fc.constant(alignment),
    }),
    { nil: undefined, freq: 2 },
  );

/** A claim's age against the lease: fresh, just under or at the limit, long dead. */
const ageArb = (staleMs: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: staleMs - 1 }), weight: 3 },
    fc.constantFrom(staleMs - 1, staleMs, staleMs + 1),
    fc.integer({ min: staleMs, max: 30 * DAY }),
  );

const claimArb = (now: Date, staleMs: number): fc.Arbitrary<StoredClaim | undefined> =>
  fc.option(
    fc.oneof(
      fc.record({
        kind: fc.constant('held' as const),
        runId: runIdArb,
        since: ageArb(staleMs).map((age) => new Date(now.getTime() - age)),
        holderGone: mostly(false),
        where: fc.constant('s3://reports/devin-acu-chargeback-2026-10.close-claim.json'),
      }),
      fc.record({ kind: fc.constant('unreadable' as const), where: fc.constant('out/x.close-claim.json') }),
    ),
    { nil: undefined, freq: 2 },
  );

const emailStateArb = (now: Date): fc.Arbitrary<EmailState> =>
  fc.oneof(
    { arbitrary: fc.constant({ kind: 'none' as const }), weight: 3 },
    fc.record({
      kind: fc.constant('sending' as const),
      runId: runIdArb,
      since: fc.option(fc.constant(new Date(now.getTime() - 3 * MINUTE)), { nil: undefined }),
    }),
    fc.record({ kind: fc.constant('sent' as const), runId: runIdArb }),
  );

const emailArb = (now: Date): fc.Arbitrary<Readonly<Record<EmailMarkerName, EmailState>>> =>
  fc.record({
    close: emailStateArb(now),
    preliminary: emailStateArb(now),
    preview: emailStateArb(now),
    filtered: emailStateArb(now),
  });

/** Where the clock is against the close's first instant: at it, a hair before or after, hours, weeks. */
const offsetArb = fc.oneof(
  fc.constantFrom(0, -1, 1),
  fc.integer({ min: -6 * HOUR, max: 6 * HOUR }),
  fc.integer({ min: -45 * DAY, max: 45 * DAY }),
);

const settingsArb: fc.Arbitrary<DecideSettings> = fc.record({
  closeSettleHours: fc.constantFrom(0, 4, 6.5, 168),
  staleClaimMs: fc.constantFrom(5 * MINUTE, 20 * MINUTE),
});

export const decideInputArb: fc.Arbitrary<DecideInput> = fc
  .tuple(periodArb, settingsArb, offsetArb)
  .chain(([{ period, month }, settings, offset]) => {
    const now = new Date(closableFrom(period.to, settings.closeSettleHours).getTime() + offset);
    const trigger = fc.constantFrom('schedule' as const, 'catch-up' as const, 'person' as const);
    const request = trigger.chain((t) =>
      fc.record({
        trigger: fc.constant(t),
        period: fc.constant(period),
        periodAskedBy: periodAskedByArb,
        close: closeArb(t),
        force: mostly(false),
        email: fc.constantFrom('finance' as const, 'link-only' as const, 'preview-file' as const),
        filtered: mostly(false),
        replacesDemoCloses: fc.boolean(),
        showback: fc.boolean(),
      }),
    );
    const state = fc.record({
      record: recordArb(period.alignment),
      closedElsewhere: recordArb(period.alignment === 'billing-day' ? 'calendar' : 'billing-day'),
      claim: claimArb(now, settings.staleClaimMs),
      claimedElsewhere: claimArb(now, settings.staleClaimMs),
      email: emailArb(now),
      showbackPending: fc.boolean(),
    });
    return fc.record({
      request,
      state,
      now: fc.constant(now),
      settings: fc.constant(settings),
      month: fc.constant(month),
    });
  });

/** The holder of a claim that is alive, as the guarantees read it (independent of decide.ts). */
export function isLive(claim: StoredClaim | undefined, now: Date, settings: DecideSettings): boolean {
  return (
    claim !== undefined &&
    claim.kind === 'held' &&
    !claim.holderGone &&
    now.getTime() - claim.since.getTime() < settings.staleClaimMs
  );
}

/** The same inputs with a live claim on the period by another run: the exclusive-close cases. */
export const liveClaimInputArb: fc.Arbitrary<DecideInput> = decideInputArb.chain((input) =>
  fc.integer({ min: 0, max: input.settings.staleClaimMs - 1 }).map((age) => ({
    ...input,
    state: {
      ...input.state,
      claim: {
        kind: 'held' as const,
        runId: 'run-holder',
        since: new Date(input.now.getTime() - age),
        holderGone: false,
        where: 's3://reports/devin-acu-chargeback-2026-10.close-claim.json',
      },
    },
  })),
);
