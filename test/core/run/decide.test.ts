import { describe, expect, it } from 'vitest';
import { closableFrom } from '#close/close-timing.js';
import { zonedMonthPeriod } from '#core/period/zoned-period.js';
import { type DecideSettings, decide } from '#core/run/decide.js';
import {
  type EmailMarkerName,
  type EmailState,
  NOTHING_SENT,
  type PeriodState,
  type StoredClaim,
  type StoredRecord,
} from '#core/run/period-state.js';
import type { Build, Refusal, RunPlan } from '#core/run/run-plan.js';
import type { AskedBy, RunRequest } from '#core/run/run-request.js';

/**
 * The decision table: every case of a run, one row each, with the plan it gets. docs/close.md
 * ("The decision table") has the same rows by id; test/docs/decision-table-doc.test.ts holds
 * the two to each other. October 2026, UTC calendar, closes from 2026-11-01 12:00 UTC (its last
 * billing day ends at 08:00, then 4 settle hours); the clock is 14:00 unless a row says otherwise.
 */

const MINUTE = 60_000;
const OCTOBER = zonedMonthPeriod(2026, 10, 'UTC');
const SETTINGS: DecideSettings = { closeSettleHours: 4, staleClaimMs: 5 * MINUTE };
const CLOSABLE = new Date('2026-11-01T12:00:00.000Z');
/** The default schedule: the 1st at 14:00 UTC. */
const AFTER = new Date('2026-11-01T14:00:00.000Z');
/** The old default schedule, the 1st at 06:00 UTC: before the last billing day has ended. */
const BEFORE = new Date('2026-11-01T06:00:00.000Z');
const ago = (ms: number) => new Date(AFTER.getTime() - ms);

// Requests: the schedule and its catch-up, a person's Lambda event, the CLI and the demo.
const SCHEDULED_AT: AskedBy = { field: 'scheduledTime', value: AFTER.toISOString() };
const MONTH: AskedBy = { field: 'month', value: '2026-10' };
const CLOSE: AskedBy = { field: 'close', value: true };
const CLI_MONTH: AskedBy = { field: '--month', value: '2026-10' };
const CLI_CLOSE: AskedBy = { field: '--close', value: true };

const request = (over: Partial<RunRequest>): RunRequest => ({
  trigger: 'person',
  period: OCTOBER,
  periodAskedBy: MONTH,
  close: undefined,
  force: false,
  email: 'finance',
  filtered: false,
  replacesDemoCloses: false,
  showback: false,
  ...over,
});
const schedule = (over: Partial<RunRequest> = {}) =>
  request({ trigger: 'schedule', periodAskedBy: SCHEDULED_AT, close: SCHEDULED_AT, ...over });
const catchUp = (over: Partial<RunRequest> = {}) => schedule({ trigger: 'catch-up', ...over });
const event = (over: Partial<RunRequest> = {}) => request(over);
const closeEvent = (over: Partial<RunRequest> = {}) => request({ close: CLOSE, ...over });
const cli = (over: Partial<RunRequest> = {}) =>
  request({ periodAskedBy: CLI_MONTH, email: 'preview-file', ...over });
const cliClose = (over: Partial<RunRequest> = {}) => cli({ close: CLI_CLOSE, ...over });
const demo = (over: Partial<RunRequest> = {}) => cli({ replacesDemoCloses: true, showback: true, ...over });

// What the store holds.
const RECORD: StoredRecord = {
  runId: 'run-closer',
  closedAt: '2026-11-01T14:00:00.000Z',
  source: 'api',
  where: 's3://reports/chargeback/devin-acu-chargeback-2026-10.close.json',
  label: 'October 2026',
  alignment: 'calendar',
};
const DEMO_RECORD: StoredRecord = {
  ...RECORD,
  source: 'demo',
  where: 'reports/devin-acu-chargeback-2026-10.close.json',
};
const BILLING_DAY_RECORD: StoredRecord = {
  ...RECORD,
  runId: 'run-billing-day',
  where: 's3://reports/chargeback/devin-acu-chargeback-2026-10_billing-day.close.json',
  alignment: 'billing-day',
};
const CLAIM_WHERE = 's3://reports/chargeback/devin-acu-chargeback-2026-10.close-claim.json';
const held = (age: number, holderGone = false): StoredClaim => ({
  kind: 'held',
  runId: 'run-holder',
  since: ago(age),
  holderGone,
  where: CLAIM_WHERE,
});
const LIVE = held(1 * MINUTE);
/** Exactly as old as the lease: dead. */
const STALE = held(5 * MINUTE);
const GONE = held(1 * MINUTE, true);
const UNREADABLE: StoredClaim = { kind: 'unreadable', where: CLAIM_WHERE };
const LIVE_ELSEWHERE: StoredClaim = {
  kind: 'held',
  runId: 'run-billing-day',
  since: ago(2 * MINUTE),
  holderGone: false,
  where: 's3://reports/chargeback/devin-acu-chargeback-2026-10_billing-day.close-claim.json',
};
const STALE_ELSEWHERE: StoredClaim = { ...LIVE_ELSEWHERE, since: ago(30 * MINUTE) };
const SENT: EmailState = { kind: 'sent', runId: 'run-mailer' };
const SENDING_SINCE = ago(10 * MINUTE);
const SENDING: EmailState = { kind: 'sending', runId: 'run-mailer', since: SENDING_SINCE };

const state = (over: Partial<PeriodState> = {}): PeriodState => ({
  record: undefined,
  closedElsewhere: undefined,
  claim: undefined,
  claimedElsewhere: undefined,
  email: NOTHING_SENT,
  showbackPending: false,
  ...over,
});
const EMPTY = state();
const marker = (name: EmailMarkerName, email: EmailState) => ({ ...NOTHING_SENT, [name]: email });

// Plans.
const closeBuild = (over: Partial<Build> = {}): RunPlan => ({
  kind: 'build',
  build: {
    status: 'closed',
    files: 'record',
    marker: 'close',
    claim: { kind: 'new' },
    replacesDemoClose: undefined,
    ...over,
  },
});
const preliminary = (over: Partial<Build> = {}): RunPlan => ({
  kind: 'build',
  build: {
    status: 'preliminary',
    files: 'record',
    marker: 'preliminary',
    claim: undefined,
    replacesDemoClose: undefined,
    ...over,
  },
});
const serve = (record: StoredRecord, email: 'none' | 'if-unsent' | 'resend'): RunPlan => ({
  kind: 'serve-record',
  record,
  email,
});
const refuse = (kind: Refusal['kind'], askedBy: AskedBy, reason: Refusal['reason']): RunPlan => ({
  kind: 'refuse',
  refusal: { kind, field: askedBy.field, value: askedBy.value, reason },
});
const TOO_EARLY: Refusal['reason'] = { kind: 'too-early', notBefore: CLOSABLE, settleHours: 4 };
const FIRST_DAY: Refusal['reason'] = { kind: 'before-first-report-day', firstDay: '2024-01-01' };
const BEING_CLOSED: Refusal['reason'] = {
  kind: 'being-closed',
  runId: 'run-holder',
  since: ago(MINUTE),
  where: CLAIM_WHERE,
};
const IN_DOUBT = (name: EmailMarkerName): Refusal['reason'] => ({
  kind: 'email-in-doubt',
  marker: name,
  runId: 'run-mailer',
  since: SENDING_SINCE,
});
const waitFor = (closingRunId: string, since: Date): RunPlan => ({
  kind: 'wait',
  waiting: { reason: 'being-closed', closingRunId, since },
});
const duplicate = (name: EmailMarkerName): RunPlan => ({
  kind: 'duplicate',
  marker: name,
  emailedBy: 'run-mailer',
});
const SHOWBACK_ONLY: RunPlan = { kind: 'showback-only', emailedBy: 'run-mailer' };

interface Row {
  /** The row's id, the same in docs/close.md's table. */
  readonly id: string;
  readonly case: string;
  readonly request: RunRequest;
  readonly state: PeriodState;
  readonly now: Date;
  readonly plan: RunPlan;
}

const DECEMBER_2023 = zonedMonthPeriod(2023, 12, 'UTC');
const TOKYO_JANUARY_2024 = zonedMonthPeriod(2024, 1, 'Asia/Tokyo');

const ROWS: readonly Row[] = [
  // The request itself is wrong.
  {
    id: 'D01',
    case: 'a close of a filtered slice is refused',
    request: closeEvent({ filtered: true }),
    state: EMPTY,
    now: AFTER,
    plan: refuse('input', CLOSE, { kind: 'close-of-a-slice' }),
  },
  {
    id: 'D02',
    case: 'a close of 1969-12 is refused as before the first report day',
    request: closeEvent({
      period: zonedMonthPeriod(1969, 12, 'UTC'),
      periodAskedBy: { field: 'month', value: '1969-12' },
    }),
    state: EMPTY,
    now: AFTER,
    plan: refuse('input', { field: 'month', value: '1969-12' }, FIRST_DAY),
  },
  {
    id: 'D03',
    case: 'the schedule of December 2023 is checked like a manual event',
    request: schedule({
      period: DECEMBER_2023,
      periodAskedBy: { field: 'scheduledTime', value: '2024-01-01T14:00:00.000Z' },
      close: { field: 'scheduledTime', value: '2024-01-01T14:00:00.000Z' },
    }),
    state: EMPTY,
    now: new Date('2024-01-01T14:00:00.000Z'),
    plan: refuse('input', { field: 'scheduledTime', value: '2024-01-01T14:00:00.000Z' }, FIRST_DAY),
  },
  {
    id: 'D04',
    case: 'January 2024 in Asia/Tokyo starts on 31 December UTC and is not before the first report day',
    request: event({ period: TOKYO_JANUARY_2024, periodAskedBy: { field: 'month', value: '2024-01' } }),
    state: EMPTY,
    now: new Date('2024-02-01T14:00:00.000Z'),
    plan: preliminary(),
  },
  {
    id: 'D05',
    case: 'a slice close of 2023-12 is refused as a slice first',
    request: cliClose({ period: DECEMBER_2023, filtered: true }),
    state: EMPTY,
    now: AFTER,
    plan: refuse('input', CLI_CLOSE, { kind: 'close-of-a-slice' }),
  },
  // When a close may run.
  {
    id: 'D06',
    case: 'the schedule before the last billing day has settled is refused, saying when',
    request: schedule(),
    state: EMPTY,
    now: BEFORE,
    plan: refuse('input', SCHEDULED_AT, TOO_EARLY),
  },
  {
    id: 'D07',
    case: 'the catch-up before the period has settled waits',
    request: catchUp(),
    state: EMPTY,
    now: BEFORE,
    plan: { kind: 'wait', waiting: { reason: 'not-settled', notBefore: CLOSABLE } },
  },
  {
    id: 'D08',
    case: 'a close event a millisecond too early is refused',
    request: closeEvent(),
    state: EMPTY,
    now: new Date(CLOSABLE.getTime() - 1),
    plan: refuse('input', CLOSE, TOO_EARLY),
  },
  {
    id: 'D09',
    case: 'a CLI close too early is refused naming --close',
    request: cliClose(),
    state: EMPTY,
    now: BEFORE,
    plan: refuse('input', CLI_CLOSE, TOO_EARLY),
  },
  {
    id: 'D10',
    case: 'the schedule at the first instant a close may run closes',
    request: schedule(),
    state: EMPTY,
    now: CLOSABLE,
    plan: closeBuild(),
  },
  {
    id: 'D11',
    case: 'the monthly schedule closes the month',
    request: schedule(),
    state: EMPTY,
    now: AFTER,
    plan: closeBuild(),
  },
  {
    id: 'D12',
    case: 'the catch-up closes what the schedule left',
    request: catchUp(),
    state: EMPTY,
    now: AFTER,
    plan: closeBuild(),
  },
  {
    id: 'D13',
    case: 'a close event with email:false closes without emailing',
    request: closeEvent({ email: 'link-only' }),
    state: EMPTY,
    now: AFTER,
    plan: closeBuild({ marker: undefined }),
  },
  {
    id: 'D14',
    case: 'a CLI close closes and writes the email as a file',
    request: cliClose(),
    state: EMPTY,
    now: AFTER,
    plan: closeBuild({ marker: undefined }),
  },
  // A close of a closed period.
  {
    id: 'D15',
    case: 'a schedule retry of a closed month serves its record, emailing it if its email never left',
    request: schedule(),
    state: state({ record: RECORD }),
    now: AFTER,
    plan: serve(RECORD, 'if-unsent'),
  },
  {
    id: 'D16',
    case: 'a schedule retry of a closed and emailed month serves its record (the marker says sent)',
    request: schedule(),
    state: state({ record: RECORD, email: marker('close', SENT), showbackPending: true }),
    now: AFTER,
    plan: serve(RECORD, 'if-unsent'),
  },
  {
    id: 'D17',
    case: "a schedule retry with showback, finance emailed and owners' emails missing, sends only those",
    request: schedule({ showback: true }),
    state: state({ record: RECORD, email: marker('close', SENT), showbackPending: true }),
    now: AFTER,
    plan: SHOWBACK_ONLY,
  },
  {
    id: 'D18',
    case: 'a schedule retry with showback, all sent, serves the record',
    request: schedule({ showback: true }),
    state: state({ record: RECORD, email: marker('close', SENT) }),
    now: AFTER,
    plan: serve(RECORD, 'if-unsent'),
  },
  {
    id: 'D19',
    case: "a close of a closed month whose email was left 'sending' is refused: it may or may not have left",
    request: schedule(),
    state: state({ record: RECORD, email: marker('close', SENDING) }),
    now: AFTER,
    plan: refuse('state', SCHEDULED_AT, IN_DOUBT('close')),
  },
  {
    id: 'D20',
    case: 'a close of a closed month whose closer still holds it, mid-send, is told who closes it',
    request: schedule(),
    state: state({ record: RECORD, claim: LIVE, email: marker('close', SENDING) }),
    now: AFTER,
    plan: refuse('state', SCHEDULED_AT, BEING_CLOSED),
  },
  {
    id: 'D21',
    case: 'the catch-up of a closed month whose closer is still sending waits for it',
    request: catchUp(),
    state: state({ record: RECORD, claim: LIVE, email: marker('close', SENDING) }),
    now: AFTER,
    plan: waitFor('run-holder', ago(MINUTE)),
  },
  {
    id: 'D22',
    case: "the catch-up of a closed month left 'sending' by a dead closer is refused as in doubt",
    request: catchUp(),
    state: state({ record: RECORD, claim: STALE, email: marker('close', SENDING) }),
    now: AFTER,
    plan: refuse('state', SCHEDULED_AT, IN_DOUBT('close')),
  },
  {
    id: 'D23',
    case: "a forced close of a closed, emailed month resends the record's email",
    request: closeEvent({ force: true }),
    state: state({ record: RECORD, email: marker('close', SENT) }),
    now: AFTER,
    plan: serve(RECORD, 'resend'),
  },
  {
    id: 'D24',
    case: 'a forced close resends even while the closer still holds the period',
    request: closeEvent({ force: true }),
    state: state({ record: RECORD, claim: LIVE }),
    now: AFTER,
    plan: serve(RECORD, 'resend'),
  },
  {
    id: 'D25',
    case: 'a close event with email:false of a closed month serves a fresh link',
    request: closeEvent({ email: 'link-only' }),
    state: state({ record: RECORD }),
    now: AFTER,
    plan: serve(RECORD, 'none'),
  },
  {
    id: 'D26',
    case: 'a CLI close of a closed month serves its record',
    request: cliClose(),
    state: state({ record: RECORD }),
    now: AFTER,
    plan: serve(RECORD, 'none'),
  },
  // A run without close on a closed period.
  {
    id: 'D27',
    case: 'the fresh-link event (email:false) serves the record',
    request: event({ email: 'link-only' }),
    state: state({ record: RECORD }),
    now: AFTER,
    plan: serve(RECORD, 'none'),
  },
  {
    id: 'D28',
    case: "the resend event (force) resends the record's email",
    request: event({ force: true }),
    state: state({ record: RECORD, email: marker('close', SENT) }),
    now: AFTER,
    plan: serve(RECORD, 'resend'),
  },
  {
    id: 'D29',
    case: 'a bare month event of a closed month runs a preliminary under preview names',
    request: event(),
    state: state({ record: RECORD }),
    now: AFTER,
    plan: preliminary({ files: 'preview', marker: 'preview' }),
  },
  {
    id: 'D30',
    case: 'a bare month event whose preview was emailed is a duplicate',
    request: event(),
    state: state({ record: RECORD, email: marker('preview', SENT) }),
    now: AFTER,
    plan: duplicate('preview'),
  },
  {
    id: 'D31',
    case: "a bare month event whose preview email was left 'sending' is refused naming month",
    request: event(),
    state: state({ record: RECORD, email: marker('preview', SENDING) }),
    now: AFTER,
    plan: refuse('state', MONTH, IN_DOUBT('preview')),
  },
  {
    id: 'D32',
    case: 'a forced filtered run of a closed month builds its slice: a slice is never the record',
    request: event({ filtered: true, force: true }),
    state: state({ record: RECORD }),
    now: AFTER,
    plan: preliminary({ files: 'filtered', marker: 'filtered' }),
  },
  {
    id: 'D33',
    case: 'a CLI run of a closed month writes preview names',
    request: cli(),
    state: state({ record: RECORD }),
    now: AFTER,
    plan: preliminary({ files: 'preview', marker: undefined }),
  },
  // The demo.
  {
    id: 'D34',
    case: "the demo's close replaces an earlier demo's close of demo data",
    request: demo({ close: CLI_CLOSE }),
    state: state({ record: DEMO_RECORD }),
    now: AFTER,
    plan: closeBuild({ marker: undefined, replacesDemoClose: DEMO_RECORD }),
  },
  {
    id: 'D35',
    case: "the demo's close never replaces a close of API data",
    request: demo({ close: CLI_CLOSE }),
    state: state({ record: RECORD }),
    now: AFTER,
    plan: serve(RECORD, 'none'),
  },
  {
    id: 'D36',
    case: "a CLI close outside the demo keeps a demo's close as the record",
    request: cliClose(),
    state: state({ record: DEMO_RECORD }),
    now: AFTER,
    plan: serve(DEMO_RECORD, 'none'),
  },
  {
    id: 'D37',
    case: "the demo's preliminary run of a demo-closed month writes preview names",
    request: demo(),
    state: state({ record: DEMO_RECORD }),
    now: AFTER,
    plan: preliminary({ files: 'preview', marker: undefined }),
  },
  {
    id: 'D38',
    case: 'a resend on a demo-closed month, replacing demo closes, still serves the record (no close, no replace)',
    request: event({ force: true, replacesDemoCloses: true }),
    state: state({ record: DEMO_RECORD }),
    now: AFTER,
    plan: serve(DEMO_RECORD, 'resend'),
  },
  {
    id: 'D39',
    case: "a demo close emailing finance emails its new demo data though the old demo's email was sent",
    request: closeEvent({ replacesDemoCloses: true }),
    state: state({ record: DEMO_RECORD, email: marker('close', SENT) }),
    now: AFTER,
    plan: closeBuild({ replacesDemoClose: DEMO_RECORD }),
  },
  // The same month under another alignment.
  {
    id: 'D40',
    case: 'a close of a month closed by billing days is refused, naming that record',
    request: closeEvent(),
    state: state({ closedElsewhere: BILLING_DAY_RECORD }),
    now: AFTER,
    plan: refuse('state', CLOSE, { kind: 'closed-elsewhere', record: BILLING_DAY_RECORD }),
  },
  {
    id: 'D41',
    case: 'the schedule of a month closed under another alignment is refused',
    request: schedule(),
    state: state({ closedElsewhere: BILLING_DAY_RECORD }),
    now: AFTER,
    plan: refuse('state', SCHEDULED_AT, { kind: 'closed-elsewhere', record: BILLING_DAY_RECORD }),
  },
  {
    id: 'D42',
    case: 'the catch-up of a month closed elsewhere is refused: nothing to wait for',
    request: catchUp(),
    state: state({ closedElsewhere: BILLING_DAY_RECORD }),
    now: AFTER,
    plan: refuse('state', SCHEDULED_AT, { kind: 'closed-elsewhere', record: BILLING_DAY_RECORD }),
  },
  {
    id: 'D43',
    case: 'the catch-up too early waits, whatever the store holds',
    request: catchUp(),
    state: state({ closedElsewhere: BILLING_DAY_RECORD }),
    now: BEFORE,
    plan: { kind: 'wait', waiting: { reason: 'not-settled', notBefore: CLOSABLE } },
  },
  {
    id: 'D44',
    case: 'a month event of a month closed elsewhere writes preview names',
    request: event(),
    state: state({ closedElsewhere: BILLING_DAY_RECORD }),
    now: AFTER,
    plan: preliminary({ files: 'preview', marker: 'preview' }),
  },
  {
    id: 'D45',
    case: 'a close while the other alignment is being closed is refused, naming that run',
    request: closeEvent(),
    state: state({ claimedElsewhere: LIVE_ELSEWHERE }),
    now: AFTER,
    plan: refuse('state', CLOSE, {
      kind: 'claimed-elsewhere',
      runId: 'run-billing-day',
      since: ago(2 * MINUTE),
      where: 's3://reports/chargeback/devin-acu-chargeback-2026-10_billing-day.close-claim.json',
    }),
  },
  {
    id: 'D46',
    case: 'the catch-up while the other alignment is being closed waits',
    request: catchUp(),
    state: state({ claimedElsewhere: LIVE_ELSEWHERE }),
    now: AFTER,
    plan: waitFor('run-billing-day', ago(2 * MINUTE)),
  },
  {
    id: 'D47',
    case: "a close beside the other alignment's dead claim closes",
    request: closeEvent(),
    state: state({ claimedElsewhere: STALE_ELSEWHERE }),
    now: AFTER,
    plan: closeBuild(),
  },
  {
    id: 'D48',
    case: 'a month event while the other alignment is being closed writes preview names',
    request: event(),
    state: state({ claimedElsewhere: LIVE_ELSEWHERE }),
    now: AFTER,
    plan: preliminary({ files: 'preview', marker: 'preview' }),
  },
  // The period's own close claim.
  {
    id: 'D49',
    case: 'a close while another run holds a live claim is refused, naming it',
    request: closeEvent(),
    state: state({ claim: LIVE }),
    now: AFTER,
    plan: refuse('state', CLOSE, BEING_CLOSED),
  },
  {
    id: 'D50',
    case: 'the catch-up while another run holds a live claim waits',
    request: catchUp(),
    state: state({ claim: LIVE }),
    now: AFTER,
    plan: waitFor('run-holder', ago(MINUTE)),
  },
  {
    id: 'D51',
    case: 'the schedule takes over a claim as old as the lease',
    request: schedule(),
    state: state({ claim: STALE }),
    now: AFTER,
    plan: closeBuild({ claim: { kind: 'take-over', of: 'run-holder' } }),
  },
  {
    id: 'D52',
    case: 'a CLI close takes over at once a live-looking claim whose process has gone',
    request: cliClose(),
    state: state({ claim: GONE }),
    now: AFTER,
    plan: closeBuild({ marker: undefined, claim: { kind: 'take-over', of: 'run-holder' } }),
  },
  {
    id: 'D53',
    case: 'the schedule takes over an unreadable claim',
    request: schedule(),
    state: state({ claim: UNREADABLE }),
    now: AFTER,
    plan: closeBuild({ claim: { kind: 'take-over', of: 'an unreadable claim' } }),
  },
  {
    id: 'D54',
    case: 'force does not break a live claim',
    request: closeEvent({ force: true }),
    state: state({ claim: LIVE }),
    now: AFTER,
    plan: refuse('state', CLOSE, BEING_CLOSED),
  },
  {
    id: 'D55',
    case: 'a close with email:false does not break a live claim either',
    request: closeEvent({ email: 'link-only' }),
    state: state({ claim: LIVE }),
    now: AFTER,
    plan: refuse('state', CLOSE, BEING_CLOSED),
  },
  {
    id: 'D56',
    case: "a live holder's 'sending' is its send in progress: the close is told who closes it",
    request: closeEvent(),
    state: state({ claim: LIVE, email: marker('close', SENDING) }),
    now: AFTER,
    plan: refuse('state', CLOSE, BEING_CLOSED),
  },
  {
    id: 'D57',
    case: 'a month event while the period is being closed writes preview names',
    request: event(),
    state: state({ claim: LIVE }),
    now: AFTER,
    plan: preliminary({ files: 'preview', marker: 'preview' }),
  },
  {
    id: 'D58',
    case: "a month event beside a dead claim writes the period's names",
    request: event(),
    state: state({ claim: STALE }),
    now: AFTER,
    plan: preliminary(),
  },
  // Email markers of a period not closed.
  {
    id: 'D59',
    case: 'the schedule of a month with no record whose close email was sent is a duplicate',
    request: schedule(),
    state: state({ email: marker('close', SENT) }),
    now: AFTER,
    plan: duplicate('close'),
  },
  {
    id: 'D60',
    case: "the schedule with showback, finance emailed, owners' emails missing, sends only those",
    request: schedule({ showback: true }),
    state: state({ email: marker('close', SENT), showbackPending: true }),
    now: AFTER,
    plan: SHOWBACK_ONLY,
  },
  {
    id: 'D61',
    case: "the schedule whose close email was left 'sending' is refused as in doubt",
    request: schedule(),
    state: state({ email: marker('close', SENDING) }),
    now: AFTER,
    plan: refuse('state', SCHEDULED_AT, IN_DOUBT('close')),
  },
  {
    id: 'D62',
    case: "the catch-up whose close email was left 'sending' by a dead run is refused: a person settles it",
    request: catchUp(),
    state: state({ email: marker('close', SENDING) }),
    now: AFTER,
    plan: refuse('state', SCHEDULED_AT, IN_DOUBT('close')),
  },
  {
    id: 'D63',
    case: "a forced close settles a 'sending' marker: it closes and emails",
    request: closeEvent({ force: true }),
    state: state({ email: marker('close', SENDING) }),
    now: AFTER,
    plan: closeBuild(),
  },
  {
    id: 'D64',
    case: 'a close with email:false does not read the email marker',
    request: closeEvent({ email: 'link-only' }),
    state: state({ email: marker('close', SENT) }),
    now: AFTER,
    plan: closeBuild({ marker: undefined }),
  },
  {
    id: 'D65',
    case: 'a month event whose preliminary email was sent is a duplicate',
    request: event(),
    state: state({ email: marker('preliminary', SENT) }),
    now: AFTER,
    plan: duplicate('preliminary'),
  },
  {
    id: 'D66',
    case: "a month event whose preliminary email was left 'sending' is refused naming month",
    request: event(),
    state: state({ email: marker('preliminary', SENDING) }),
    now: AFTER,
    plan: refuse('state', MONTH, IN_DOUBT('preliminary')),
  },
  {
    id: 'D67',
    case: 'a forced month event emails again',
    request: event({ force: true }),
    state: state({ email: marker('preliminary', SENT) }),
    now: AFTER,
    plan: preliminary(),
  },
  {
    id: 'D68',
    case: "a month event is not a duplicate of the close's email: each marker is its own",
    request: event(),
    state: state({ email: marker('close', SENT) }),
    now: AFTER,
    plan: preliminary(),
  },
  {
    id: 'D69',
    case: 'a filtered month event writes and emails its slice',
    request: event({ filtered: true }),
    state: EMPTY,
    now: AFTER,
    plan: preliminary({ files: 'filtered', marker: 'filtered' }),
  },
  {
    id: 'D70',
    case: 'a filtered month event whose slice was emailed is a duplicate',
    request: event({ filtered: true }),
    state: state({ email: marker('filtered', SENT) }),
    now: AFTER,
    plan: duplicate('filtered'),
  },
  {
    id: 'D71',
    case: "a filtered month event whose slice's email was left 'sending' is refused naming month",
    request: event({ filtered: true }),
    state: state({ email: marker('filtered', SENDING) }),
    now: AFTER,
    plan: refuse('state', MONTH, IN_DOUBT('filtered')),
  },
  {
    id: 'D72',
    case: 'a month event with email:false writes a fresh preliminary and sends nothing',
    request: event({ email: 'link-only' }),
    state: EMPTY,
    now: AFTER,
    plan: preliminary({ marker: undefined }),
  },
  {
    id: 'D73',
    case: 'a CLI run writes a preliminary report and its email as a file',
    request: cli(),
    state: EMPTY,
    now: AFTER,
    plan: preliminary({ marker: undefined }),
  },
  {
    id: 'D74',
    case: 'a month event before the close may run is a preliminary: timing gates only a close',
    request: event(),
    state: EMPTY,
    now: BEFORE,
    plan: preliminary(),
  },
  {
    id: 'D75',
    case: "a close in another alignment than the deployment's is refused, naming the alignment",
    request: closeEvent({ period: { ...OCTOBER, alignment: 'billing-day' }, closesIn: 'calendar' }),
    state: EMPTY,
    now: AFTER,
    plan: {
      kind: 'refuse',
      refusal: {
        kind: 'input',
        field: 'alignment',
        value: 'billing-day',
        reason: { kind: 'not-the-deployments-alignment', closesIn: 'calendar' },
      },
    },
  },
  {
    id: 'D76',
    case: "a close in the deployment's own alignment goes on",
    request: closeEvent({ closesIn: 'calendar' }),
    state: EMPTY,
    now: AFTER,
    plan: closeBuild(),
  },
];

describe('the decision table (docs/close.md)', () => {
  it('is dated right: October 2026 closes from 2026-11-01 12:00 UTC', () => {
    expect(closableFrom(OCTOBER.to, SETTINGS.closeSettleHours)).toEqual(CLOSABLE);
  });

  it('has one row per id', () => {
    const ids = ROWS.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ROWS)('$id: $case', ({ request, state, now, plan }) => {
    expect(decide(request, state, now, SETTINGS)).toEqual(plan);
  });
});
