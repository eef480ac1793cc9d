import { type Acus, decimalStringToScaled } from '#core/money/acus.js';
import type { Pricing } from '#core/money/pricing.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { ChargebackReport, OrgTotal, UserTotal } from '#core/report/chargeback-report.js';
import { peopleOf } from '#core/report/people.js';
import type { RunInfo } from '#core/report/run-info.js';
import { ALL_SETTLED } from '#core/report/unsettled.js';
import type { EmailDelivery } from '#email/render-chargeback-email.js';
import { OCTOBER_2026_UTC, USD_2_25 as SHARED_USD_2_25 } from '../support/report-periods.js';

/** "12.34" → exact Acus. */
export function acus(text: string): Acus {
  return decimalStringToScaled(text, 12);
}

/** "27777.60" → cents. */
export function cents(text: string): bigint {
  return decimalStringToScaled(text, 2);
}

export const USD_2_25: Pricing = SHARED_USD_2_25;

export const OCTOBER_2026: ReportPeriod = OCTOBER_2026_UTC;

interface UsageText {
  sessions: number;
  acus: string;
  cost: string;
}

// The fixture's ACU figures are multiples of 0.04, so at USD 2.25 every cost is
// a whole number of cents and the hand-written costs are exact.
function usage(u: UsageText, pricing: Pricing) {
  const a = acus(u.acus);
  return { sessions: u.sessions, acus: a, exactCost: a * pricing.unitPriceScaled, costMinor: cents(u.cost) };
}

function user(
  orgId: string,
  userId: string | null,
  userName: string | null,
  email: string | null,
  u: UsageText,
  shareOfOrg: number,
): UserTotal {
  return { orgId, userId, userName, email, shareOfOrg, ...usage(u, USD_2_25) };
}

const TOTAL_ACUS = 12_345.6;

function org(orgId: string, orgName: string | null, u: UsageText, users: UserTotal[]): OrgTotal {
  return { orgId, orgName, shareOfAcus: Number(u.acus) / TOTAL_ACUS, users, ...usage(u, USD_2_25) };
}

const PLATFORM = [
  user(
    'org_platform',
    'user_ana',
    'Ana Lima',
    'ana.lima@example.com',
    { sessions: 201, acus: '1810.00', cost: '4072.50' },
    0.3332,
  ),
  user(
    'org_platform',
    'user_ben',
    'Ben Okafor',
    'ben.okafor@example.com',
    { sessions: 150, acus: '1204.52', cost: '2710.17' },
    0.2217,
  ),
  user(
    'org_platform',
    'user_chen',
    'Chen Wei',
    'chen.wei@example.com',
    { sessions: 98, acus: '903.04', cost: '2031.84' },
    0.1662,
  ),
  user('org_platform', null, null, null, { sessions: 40, acus: '414.52', cost: '932.67' }, 0.0763),
];
const PAYMENTS = [
  user(
    'org_payments',
    'user_dora',
    'Dora Schmidt',
    'dora.schmidt@example.com',
    { sessions: 180, acus: '1500.00', cost: '3375.00' },
    0.4673,
  ),
  user(
    'org_payments',
    'user_eli',
    null,
    'eli@example.com',
    { sessions: 120, acus: '1100.00', cost: '2475.00' },
    0.3427,
  ),
];
const DATA = [
  user(
    'org_data',
    'user_fay',
    'Fay Nakamura-Oyelaran',
    'fay.nakamura-oyelaran@example.com',
    { sessions: 160, acus: '1203.52', cost: '2707.92' },
    0.4452,
  ),
  user(
    'org_data',
    'user_gus',
    'Gus Pérez',
    'gus.perez@example.com',
    { sessions: 99, acus: '800.00', cost: '1800.00' },
    0.2959,
  ),
];
const UNNAMED = [
  user('org_7f3a9c', 'user_8b21', null, null, { sessions: 30, acus: '700.00', cost: '1575.00' }, 0.7),
];

/** A realistic month: four orgs (one without a name), ten top users (one unattributed). */
export function octoberReport(): ChargebackReport {
  const orgs = [
    org(
      'org_platform',
      'Platform Engineering',
      { sessions: 812, acus: '5432.08', cost: '12222.18' },
      PLATFORM,
    ),
    org('org_payments', 'Payments', { sessions: 503, acus: '3210.00', cost: '7222.50' }, PAYMENTS),
    org('org_data', 'Data & Analytics', { sessions: 377, acus: '2703.52', cost: '6082.92' }, DATA),
    org('org_7f3a9c', null, { sessions: 42, acus: '1000.00', cost: '2250.00' }, UNNAMED),
  ];
  return {
    period: OCTOBER_2026,
    pricing: USD_2_25,
    totals: usage({ sessions: 1734, acus: '12345.60', cost: '27777.60' }, USD_2_25),
    orgs,
    topUsers: peopleOf(orgs),
    tags: [],
    statuses: [],
    sessionCostMinor: new BigInt64Array(0),
    unsettled: ALL_SETTLED,
    names: { orgs: { available: true }, users: { available: true } },
    costBasis: 'sessions',
    reconciliation: { available: false, reason: 'not requested' },
    comparison: { available: false, reason: 'not requested' },
  };
}

/** One org and one user whose names are attacks on the HTML. */
export function hostileReport(): ChargebackReport {
  const evilUser = user(
    'org_evil',
    'user_evil"><b>',
    '<script>alert("pwn")</script>',
    "o'brien&co@example.com",
    { sessions: 1, acus: '4.00', cost: '9.00' },
    1,
  );
  const evilOrg: OrgTotal = {
    ...org('org_evil', '<img src=x onerror=alert(1)> & "Sons"', { sessions: 1, acus: '4.00', cost: '9.00' }, [
      evilUser,
    ]),
    shareOfAcus: 1,
  };
  return {
    ...octoberReport(),
    totals: usage({ sessions: 1, acus: '4.00', cost: '9.00' }, USD_2_25),
    orgs: [evilOrg],
    topUsers: peopleOf([evilOrg]),
  };
}

export function emptyReport(): ChargebackReport {
  return {
    ...octoberReport(),
    totals: { sessions: 0, acus: 0n, exactCost: 0n, costMinor: 0n },
    orgs: [],
    topUsers: [],
  };
}

export function octoberRun(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    runId: 'run-2026-11-01T06-00-00Z-4f2a',
    generatedAt: new Date('2026-11-01T06:00:12Z'),
    generator: 'devin-chargeback@0.1.0',
    apiHost: 'api.devin.ai',
    source: 'api',
    filters: { orgIds: [], userIds: [], tags: [] },
    ...overrides,
  };
}

export const PRESIGNED_URL =
  'https://reports-bucket.s3.eu-west-1.amazonaws.com/reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=604800&X-Amz-Signature=abc123';

export function s3Delivery(overrides: Partial<EmailDelivery> = {}): EmailDelivery {
  return {
    workbookFileName: 'devin-acu-chargeback-2026-10.xlsx',
    link: { url: PRESIGNED_URL, expiresAt: new Date('2026-11-08T06:00:40Z') },
    location: {
      kind: 's3',
      uri: 's3://reports-bucket/reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx',
      consoleUrl:
        'https://s3.console.aws.amazon.com/s3/object/reports-bucket?region=eu-west-1&prefix=reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx',
      freshLinkHint: 'invoke the function with {"month":"2026-10","email":false}',
    },
    attached: false,
    ...overrides,
  };
}

export function fileDelivery(): EmailDelivery {
  return {
    workbookFileName: 'devin-acu-chargeback-2026-10.xlsx',
    location: { kind: 'file', path: '/home/fin/reports/devin-acu-chargeback-2026-10.xlsx' },
    attached: false,
  };
}
