import type { ReportPeriod } from '#core/period/report-period.js';
import type { ChargebackReport, OrgTotal, UserTotal } from '#core/report/chargeback-report.js';
import { peopleOf } from '#core/report/people.js';
import type { PeriodComparison } from '#core/report/period-comparison.js';
import type { Reconciliation, ReconciliationLine, SessionCents } from '#core/report/reconciliation.js';
import type { WorkbookInput } from '#workbook/write-chargeback-workbook.js';
import { CYCLE_FROM_5_OCTOBER_2026, OCTOBER_2026_BILLING_DAYS } from '../support/report-periods.js';
import { acus, INPUT, REPORT, usage } from './fixtures.js';

/*
 * The five-session report of fixtures.ts beside a hand-made bill.
 *
 * org            session  billed  difference
 * org-a          15.95    14.20   -1.75
 * org-c (billed)  0        2.50   +2.50   only billed: a user with no sessions this period
 * org-b           1.10     0      -1.10   only in sessions: nothing billed, no share
 * Unattributed    0        1.55   +1.55   Cascade and Terminal
 * total          17.05    18.25   +1.20   allocated share 17.05 / 18.25 = 93.4%
 */

function line(
  id: string | null,
  name: string | null,
  orgId: string | null,
  sessionText: string,
  billedText: string,
): ReconciliationLine {
  const sessionAcus = acus(sessionText);
  const billedAcus = acus(billedText);
  const differenceAcus = billedAcus - sessionAcus;
  return {
    id,
    name,
    orgId,
    sessionAcus,
    billedAcus,
    differenceAcus,
    differenceShare: billedAcus === 0n ? null : Number(differenceAcus) / Number(billedAcus),
  };
}

export const RECONCILIATION: Reconciliation = {
  orgs: [
    line('org-a', 'Platform Team', null, '15.95', '14.2'),
    line('org-c', 'Research', null, '0', '2.5'),
    line('org-b', null, null, '1.1', '0'),
    line(null, null, null, '0', '1.55'),
  ],
  users: [
    line('user-1', 'Ada Lovelace', 'org-a', '12.7', '11'),
    line('user-2', null, 'org-a', '3.25', '3.2'),
    line('user-9', 'Lin Researcher', null, '0', '2.5'),
    line('user-3', 'Grace Hopper', 'org-b', '1.1', '0'),
    line(null, null, null, '0', '1.55'),
  ],
  totals: { sessionAcus: acus('17.05'), billedAcus: acus('18.25'), differenceAcus: acus('1.2') },
  unattributedAcus: acus('1.55'),
  allocatedShare: 17.05 / 18.25,
  edges: { carriedIn: 3, carriedOut: 2 },
};

export const CONSUMPTION_FORBIDDEN = 'the API key may not read consumption (403)';
export const FIRST_RUN = 'No report for September 2026 was found, so there is nothing to compare with';

/*
 * September beside October: org-a grew, org-b is new, org-z (Legacy Team) vanished.
 * previous 12 + 4 = 16; current 15.95 + 1.1 = 17.05; change +1.05 = +6.5625%.
 */
export const COMPARISON: Extract<PeriodComparison, { available: true }> = {
  available: true,
  previous: { label: 'September 2026', slug: '2026-09', runId: 'run-2026-10-01-xyz' },
  previousAcus: acus('16'),
  changeAcus: acus('1.05'),
  changeShare: 1.05 / 16,
  // USD 36.00 before, 38.36 now.
  previousCostMinor: 3600n,
  changeCostMinor: 236n,
  orgs: [
    {
      orgId: 'org-a',
      orgName: 'Platform Team',
      previousAcus: acus('12'),
      currentAcus: acus('15.95'),
      changeAcus: acus('3.95'),
      changeShare: 3.95 / 12,
      previousCostMinor: 2700n,
      changeCostMinor: 889n,
      status: 'continuing',
    },
    {
      orgId: 'org-b',
      orgName: null,
      previousAcus: null,
      currentAcus: acus('1.1'),
      changeAcus: acus('1.1'),
      changeShare: null,
      previousCostMinor: null,
      changeCostMinor: 247n,
      status: 'new',
    },
    {
      orgId: 'org-z',
      orgName: 'Legacy Team',
      previousAcus: acus('4'),
      currentAcus: null,
      changeAcus: acus('-4'),
      changeShare: -1,
      previousCostMinor: 900n,
      changeCostMinor: -900n,
      status: 'vanished',
    },
  ],
  caveats: [],
};

export const BILLING_DAY_OCTOBER: ReportPeriod = OCTOBER_2026_BILLING_DAYS;

export const OCTOBER_CYCLE: ReportPeriod = CYCLE_FROM_5_OCTOBER_2026;

/** The fixture sessions' own cents by org and user, as buildChargebackReport records them. */
function sessionCentsOf(): SessionCents {
  const byOrg = new Map<string, bigint>();
  const byUser = new Map<string | null, bigint>();
  let total = 0n;
  [...INPUT.sessions].forEach((session, i) => {
    const cents = REPORT.sessionCostMinor[i] ?? 0n;
    byOrg.set(session.orgId, (byOrg.get(session.orgId) ?? 0n) + cents);
    byUser.set(session.userId, (byUser.get(session.userId) ?? 0n) + cents);
    total += cents;
  });
  return { byOrg, byUser, total };
}

export function withReport(overrides: Partial<ChargebackReport>): WorkbookInput {
  return { ...INPUT, report: { ...REPORT, sessionCents: sessionCentsOf(), ...overrides } };
}

/** Reconciled and compared, on the session basis. */
export const RECONCILED: WorkbookInput = withReport({
  reconciliation: { available: true, reconciliation: RECONCILIATION },
  comparison: COMPARISON,
});

export const UNRECONCILED: WorkbookInput = withReport({
  reconciliation: { available: false, reason: CONSUMPTION_FORBIDDEN },
  comparison: { available: false, reason: FIRST_RUN },
});

function billedUser(
  orgId: string,
  userId: string | null,
  userName: string | null,
  sessions: number,
  acuText: string,
  costMinor: bigint,
  shareOfOrg: number,
): UserTotal {
  return { ...usage(sessions, acuText, costMinor), orgId, userId, userName, email: null, shareOfOrg };
}

/*
 * The same month charged by the bill: 18.25 ACUs, USD 41.0625 → 4106 cents,
 * allocated 3195 / 562 / 349 / 0 (the Unattributed org takes the remainder cent).
 * The sessions still add up to 17.05 ACUs and 3836 cents.
 */
const BILLED_ORGS: readonly OrgTotal[] = [
  {
    ...usage(3, '14.2', 3195n),
    orgId: 'org-a',
    orgName: 'Platform Team',
    shareOfAcus: 14.2 / 18.25,
    users: [
      billedUser('org-a', 'user-1', 'Ada Lovelace', 2, '11', 2475n, 11 / 14.2),
      billedUser('org-a', 'user-2', null, 1, '3.2', 720n, 3.2 / 14.2),
    ],
  },
  {
    ...usage(0, '2.5', 562n),
    orgId: 'org-c',
    orgName: 'Research',
    shareOfAcus: 2.5 / 18.25,
    users: [billedUser('org-c', 'user-9', 'Lin Researcher', 0, '2.5', 562n, 1)],
  },
  {
    ...usage(0, '1.55', 349n),
    orgId: '(unattributed)',
    orgName: 'Shared products (no org)',
    shareOfAcus: 1.55 / 18.25,
    users: [billedUser('(unattributed)', null, 'Not attributed to a user', 0, '1.55', 349n, 1)],
  },
  {
    ...usage(2, '0', 0n),
    orgId: 'org-b',
    orgName: null,
    shareOfAcus: 0,
    // s4 has no user: its session is counted on the org's residual row, as billedOrgTotals does.
    users: [
      billedUser('org-b', 'user-3', 'Grace Hopper', 1, '0', 0n, 0),
      billedUser('org-b', null, 'Not attributed to a user', 1, '0', 0n, 0),
    ],
  },
];

/** Charged by the bill, on billing days. */
export const BILLED: WorkbookInput = withReport({
  period: BILLING_DAY_OCTOBER,
  costBasis: 'billed',
  totals: usage(5, '18.25', 4106n),
  orgs: BILLED_ORGS,
  topUsers: peopleOf(BILLED_ORGS),
  // On the billed basis the report charges what orgs carry: 16.7 of 18.25.
  reconciliation: { available: true, reconciliation: { ...RECONCILIATION, allocatedShare: 16.7 / 18.25 } },
});
