import { decimalStringToScaled } from '#core/money/acus.js';
import type { Pricing } from '#core/money/pricing.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type {
  ChargebackReport,
  NameSources,
  OrgTotal,
  UsageTotals,
  UserTotal,
} from '#core/report/chargeback-report.js';
import { peopleOf } from '#core/report/people.js';
import type { RunInfo } from '#core/report/run-info.js';
import { ALL_SETTLED } from '#core/report/unsettled.js';
import type { FetchStats, Session } from '#core/session.js';
import type { WorkbookInput } from '#workbook/write-chargeback-workbook.js';
import { OCTOBER_2026_BERLIN, USD_2_25 } from '../support/report-periods.js';

/*
 * A hand-checked report of five sessions at 2.25 USD per ACU.
 *
 * session  org    user    ACUs   exact cost  cents
 * s1       org-a  user-1  10.5   23.625      2363 (gets the remainder cent: ties go to the first)
 * s2       org-a  user-2   3.25   7.3125      731
 * s3       org-b  user-3   1.1    2.475       247
 * s4       org-b  (none)   0      0             0  (acus_consumed was null)
 * s5       org-a  user-1   2.2    4.95        495
 * total                   17.05  38.3625     3836
 */

export const USD: Pricing = USD_2_25;

export const OCTOBER_BERLIN: ReportPeriod = OCTOBER_2026_BERLIN;

export const FORMULA_TITLE = '=HYPERLINK("http://x","y")';

export function acus(text: string): bigint {
  return decimalStringToScaled(text, 12);
}

export function usage(
  sessions: number,
  acuText: string,
  costMinor: bigint,
  pricing: Pricing = USD,
): UsageTotals {
  const scaled = acus(acuText);
  return { sessions, acus: scaled, exactCost: scaled * pricing.unitPriceScaled, costMinor };
}

function session(overrides: Partial<Session> & Pick<Session, 'sessionId' | 'orgId'>): Session {
  return {
    url: `https://app.devin.ai/sessions/${overrides.sessionId}`,
    status: 'exit',
    title: `Work on ${overrides.sessionId}`,
    tags: [],
    userId: null,
    createdAt: new Date('2026-10-05T08:30:00Z'),
    updatedAt: new Date('2026-10-05T09:45:00Z'),
    acus: 0n,
    acusReported: true,
    pullRequests: [],
    ...overrides,
  };
}

export const SESSIONS: readonly Session[] = [
  session({
    sessionId: 's1',
    orgId: 'org-a',
    userId: 'user-1',
    title: 'Fix authentication bug',
    tags: ['billing', 'urgent'],
    acus: acus('10.5'),
    createdAt: new Date('2026-10-01T06:15:00Z'),
    updatedAt: new Date('2026-10-02T17:40:00Z'),
    pullRequests: [{ url: 'https://github.com/acme/api/pull/12', state: 'merged' }],
  }),
  session({
    sessionId: 's2',
    orgId: 'org-a',
    userId: 'user-2',
    title: FORMULA_TITLE,
    tags: ['billing'],
    status: 'running',
    acus: acus('3.25'),
    pullRequests: [
      { url: 'https://github.com/acme/web/pull/7', state: 'open' },
      { url: 'https://github.com/acme/web/pull/8', state: null },
    ],
  }),
  session({ sessionId: 's3', orgId: 'org-b', userId: 'user-3', url: null, acus: acus('1.1') }),
  session({
    sessionId: 's4',
    orgId: 'org-b',
    status: 'error',
    url: 'javascript:alert(1)',
    acusReported: false,
  }),
  session({ sessionId: 's5', orgId: 'org-a', userId: 'user-1', tags: ['urgent'], acus: acus('2.2') }),
];

const ADA: UserTotal = {
  ...usage(2, '12.7', 2858n),
  orgId: 'org-a',
  userId: 'user-1',
  userName: 'Ada Lovelace',
  email: 'ada@example.com',
  shareOfOrg: 12.7 / 15.95,
};
const UNNAMED: UserTotal = {
  ...usage(1, '3.25', 731n),
  orgId: 'org-a',
  userId: 'user-2',
  userName: null,
  email: null,
  shareOfOrg: 3.25 / 15.95,
};
const GRACE: UserTotal = {
  ...usage(1, '1.1', 247n),
  orgId: 'org-b',
  userId: 'user-3',
  userName: 'Grace Hopper',
  email: 'grace@example.com',
  shareOfOrg: 1,
};
const NOBODY: UserTotal = {
  ...usage(1, '0', 0n),
  orgId: 'org-b',
  userId: null,
  userName: null,
  email: null,
  shareOfOrg: 0,
};

const ORGS: readonly OrgTotal[] = [
  {
    ...usage(3, '15.95', 3589n),
    orgId: 'org-a',
    orgName: 'Platform Team',
    shareOfAcus: 15.95 / 17.05,
    users: [ADA, UNNAMED],
  },
  {
    ...usage(2, '1.1', 247n),
    orgId: 'org-b',
    orgName: null,
    shareOfAcus: 1.1 / 17.05,
    users: [GRACE, NOBODY],
  },
];

export const NAMES_AVAILABLE: NameSources = { orgs: { available: true }, users: { available: true } };

export const REPORT: ChargebackReport = {
  period: OCTOBER_BERLIN,
  pricing: USD,
  totals: usage(5, '17.05', 3836n),
  orgs: ORGS,
  topUsers: peopleOf(ORGS),
  tags: [
    { ...usage(2, '13.75', 3094n), tag: 'billing' },
    { ...usage(2, '12.7', 2858n), tag: 'urgent' },
    { ...usage(2, '1.1', 247n), tag: null },
  ],
  statuses: [
    { ...usage(3, '13.8', 3105n), status: 'exit' },
    { ...usage(1, '3.25', 731n), status: 'running' },
    { ...usage(1, '0', 0n), status: 'error' },
  ],
  sessionCostMinor: BigInt64Array.from([2363n, 731n, 247n, 0n, 495n]),
  // s2 is still running; the run does not close the period.
  unsettled: { sessions: 1, acus: acus('3.25'), costMinor: 731n },
  runStatus: 'preliminary',
  names: NAMES_AVAILABLE,
  costBasis: 'sessions',
  reconciliation: { available: false, reason: 'not requested' },
  comparison: { available: false, reason: 'not requested' },
};

export const RUN: RunInfo = {
  runId: 'run-2026-11-01-abc',
  generatedAt: new Date('2026-11-01T06:00:00Z'),
  generator: 'devin-chargeback@0.1.0',
  apiHost: 'api.devin.ai',
  source: 'api',
  filters: { orgIds: [], userIds: [], tags: [] },
};

export const STATS: FetchStats = {
  pages: 2,
  reportedTotal: 7,
  itemsReceived: 7,
  duplicatesDropped: 1,
  outsidePeriodDropped: 1,
  nullAcus: 1,
  reread: false,
};

export const INPUT: WorkbookInput = { report: REPORT, sessions: SESSIONS, run: RUN, stats: STATS };

const JPY: Pricing = { unitPriceText: '300', unitPriceScaled: 300_000_000n, currency: 'JPY', minorDigits: 0 };

/** One session of 1.5 ACUs at 300 JPY: 450 yen, no minor digits. */
export function yenInput(): WorkbookInput {
  const only = session({ sessionId: 'j1', orgId: 'org-j', userId: 'user-j', acus: acus('1.5') });
  const user: UserTotal = {
    ...usage(1, '1.5', 450n, JPY),
    orgId: 'org-j',
    userId: 'user-j',
    userName: 'Kenji',
    email: null,
    shareOfOrg: 1,
  };
  const org: OrgTotal = {
    ...usage(1, '1.5', 450n, JPY),
    orgId: 'org-j',
    orgName: 'Tokyo',
    shareOfAcus: 1,
    users: [user],
  };
  const report: ChargebackReport = {
    ...REPORT,
    pricing: JPY,
    totals: usage(1, '1.5', 450n, JPY),
    orgs: [org],
    topUsers: peopleOf([org]),
    tags: [{ ...usage(1, '1.5', 450n, JPY), tag: null }],
    statuses: [{ ...usage(1, '1.5', 450n, JPY), status: 'exit' }],
    sessionCostMinor: BigInt64Array.from([450n]),
    unsettled: ALL_SETTLED,
  };
  return { report, sessions: [only], run: RUN, stats: STATS };
}

export function emptyInput(): WorkbookInput {
  const report: ChargebackReport = {
    ...REPORT,
    totals: usage(0, '0', 0n),
    orgs: [],
    topUsers: [],
    tags: [],
    statuses: [],
    sessionCostMinor: new BigInt64Array(0),
    unsettled: ALL_SETTLED,
    names: {
      orgs: { available: false, reason: 'the API key may not read organizations (HTTP 403)' },
      users: { available: false, reason: 'the API key may not read members (HTTP 403)' },
    },
  };
  return { report, sessions: [], run: { ...RUN, source: 'demo' }, stats: { ...STATS, itemsReceived: 0 } };
}
