// Reports and summary.json documents for the chart tests, built by the real
// core functions from sessions, so the charts are tested on what a run produces.
import { parsePricing } from '#core/money/parse-pricing.js';
import type { Pricing } from '#core/money/pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import { type SummaryDocument, toSummaryDocument } from '#core/report/summary-document.js';
import type { FetchStats } from '#core/session.js';
import { session } from '../core/report/session-fixture.js';

const NOW = new Date('2026-12-01T06:00:00Z');

export const USD = parsePricing('2.25', 'USD');

export const RUN: RunInfo = {
  runId: 'run-charts',
  generatedAt: NOW,
  generator: 'devin-chargeback@0.1.0',
  apiHost: 'api.devin.ai',
  source: 'api',
  filters: { orgIds: [], userIds: [], tags: [] },
};

export const STATS: FetchStats = {
  pages: 1,
  reportedTotal: 0,
  itemsReceived: 0,
  duplicatesDropped: 0,
  outsidePeriodDropped: 0,
  nullAcus: 0,
  reread: false,
};

/** Org names for the fixture orgs; an org missing here has no name (its ID stands in). */
export const ORG_NAMES: ReadonlyMap<string, string> = new Map([
  ['org-pay', 'Payments Platform'],
  ['org-data', 'Data & ML'],
  ['org-mobile', 'Mobile Apps'],
  ['org-growth', 'Growth'],
  ['org-tools', 'Internal Tools'],
  ['org-long', 'Enterprise Customer Success and Professional Services (EMEA)'],
]);

/**
 * A month's report from ACUs per org (split over three sessions, with odd
 * thousandths, so the cents are allocated by largest remainder, not given).
 */
export function monthReport(
  month: string,
  acusByOrg: Readonly<Record<string, number>>,
  pricing: Pricing = USD,
): ChargebackReport {
  const sessions = Object.entries(acusByOrg).flatMap(([orgId, acus], i) =>
    [0.5, 0.3, 0.2].map((part, j) =>
      session({
        sessionId: `${month}-${i}-${j}`,
        orgId,
        userId: `user-${j}`,
        acus: Math.round(acus * part * 1000) / 1000 + 0.001,
      }),
    ),
  );
  return buildChargebackReport({
    period: monthPeriod(month, 'UTC', NOW),
    pricing,
    sessions,
    directory: {
      orgNames: ORG_NAMES,
      users: new Map(),
      sources: { orgs: { available: true }, users: { available: false, reason: 'not requested' } },
    },
  });
}

export function monthSummary(
  month: string,
  acusByOrg: Readonly<Record<string, number>>,
  pricing: Pricing = USD,
): SummaryDocument {
  // Through JSON, as it is stored and read back.
  return JSON.parse(JSON.stringify(toSummaryDocument(monthReport(month, acusByOrg, pricing), RUN, STATS)));
}

/** Five orgs of the demo's shape. */
export const FIVE_ORGS = {
  'org-pay': 1288.1,
  'org-data': 1100.95,
  'org-mobile': 696.03,
  'org-growth': 671.68,
  'org-tools': 344.49,
} as const;

/** Eleven orgs: more than a chart names, so the smallest go into Other. */
export const ELEVEN_ORGS: Readonly<Record<string, number>> = {
  ...FIVE_ORGS,
  'org-long': 512.25,
  'org-x1': 120.5,
  'org-x2': 80.25,
  'org-x3': 40.125,
  'org-x4': 20.5,
  'org-x5': 10.75,
};
