import { describe, expect, it } from 'vitest';
import { type Acus, acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { billingDayMonthPeriod } from '#core/period/billing-day-month-period.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { comparePeriods, noPreviousReport } from '#core/report/compare-periods.js';
import type { RunInfo } from '#core/report/run-info.js';
import {
  parseSummaryDocument,
  type SummaryDocument,
  toSummaryDocument,
} from '#core/report/summary-document.js';
import type { FetchStats } from '#core/session.js';
import { BILL, DIRECTORY, OCTOBER, SESSIONS } from './reconciliation-scenario.js';
import { session } from './session-fixture.js';

const USD = parsePricing('2.25', 'USD');
const NOW = new Date('2027-01-01T00:00:00Z');
const acus = (value: number): Acus => acusFromNumber(value);

const RUN: RunInfo = {
  runId: 'run-september',
  generatedAt: new Date('2026-10-01T06:00:00Z'),
  generator: 'devin-chargeback@0.1.0',
  apiHost: 'api.devin.ai',
  source: 'api',
  filters: { orgIds: [], userIds: [], tags: [] },
};
const STATS: FetchStats = {
  pages: 1,
  reportedTotal: 3,
  itemsReceived: 3,
  duplicatesDropped: 0,
  outsidePeriodDropped: 0,
  nullAcus: 0,
  reread: false,
};

/** September as the previous run stored it: org-a 10, org-b 5, org-x 2 (org-x has no usage in October). */
function septemberSummary(
  options: { pricing?: typeof USD; alignment?: 'billing-day' } = {},
): SummaryDocument {
  const period =
    options.alignment === 'billing-day'
      ? billingDayMonthPeriod('2026-09', NOW)
      : monthPeriod('2026-09', 'UTC', NOW);
  const report = buildChargebackReport({
    period,
    pricing: options.pricing ?? USD,
    sessions: [
      session({ sessionId: 'p1', orgId: 'org-a', acus: 10 }),
      session({ sessionId: 'p2', orgId: 'org-b', acus: 5 }),
      session({ sessionId: 'p3', orgId: 'org-x', acus: 2 }),
    ],
    directory: { ...DIRECTORY, orgNames: new Map([['org-x', 'Xenon']]) },
  });
  return parseSummaryDocument(JSON.parse(JSON.stringify(toSummaryDocument(report, RUN, STATS))));
}

// October by sessions: org-a 14.5, org-b 2, org-c 1.5 (new); total 18 against September's 17.
const october = (previous?: SummaryDocument) =>
  buildChargebackReport({
    period: OCTOBER,
    pricing: USD,
    sessions: SESSIONS,
    directory: DIRECTORY,
    previous,
  });

describe('comparePeriods', () => {
  const comparison = comparePeriods(october(), septemberSummary());

  it('compares the totals with the previous summary.json, in ACUs and in money', () => {
    expect(comparison).toMatchObject({
      previousCostMinor: 3825n,
      changeCostMinor: october().totals.costMinor - 3825n,
      available: true,
      previous: { label: 'September 2026', slug: '2026-09', runId: 'run-september' },
      previousAcus: acus(17),
      changeAcus: acus(1),
      changeShare: 1 / 17,
      caveats: [],
    });
  });

  it('keeps new and vanished orgs: current orgs in report order, then the vanished ones', () => {
    if (!comparison.available) throw new Error('expected a comparison');
    const now = new Map(october().orgs.map((org) => [org.orgId, org.costMinor]));
    const cents = (orgId: string) => now.get(orgId) ?? 0n;
    expect(comparison.orgs).toEqual([
      {
        orgId: 'org-a',
        orgName: 'Alpha',
        previousAcus: acus(10),
        currentAcus: acus(14.5),
        changeAcus: acus(4.5),
        changeShare: 0.45,
        previousCostMinor: 2250n,
        changeCostMinor: cents('org-a') - 2250n,
        status: 'continuing',
      },
      {
        orgId: 'org-b',
        orgName: null,
        previousAcus: acus(5),
        currentAcus: acus(2),
        changeAcus: acus(-3),
        changeShare: -0.6,
        previousCostMinor: 1125n,
        changeCostMinor: cents('org-b') - 1125n,
        status: 'continuing',
      },
      {
        orgId: 'org-c',
        orgName: null,
        previousAcus: null,
        currentAcus: acus(1.5),
        changeAcus: acus(1.5),
        changeShare: null,
        previousCostMinor: null,
        changeCostMinor: cents('org-c'),
        status: 'new',
      },
      {
        orgId: 'org-x',
        orgName: 'Xenon',
        previousAcus: acus(2),
        currentAcus: null,
        changeAcus: acus(-2),
        changeShare: -1,
        previousCostMinor: 450n,
        changeCostMinor: -450n,
        status: 'vanished',
      },
    ]);
  });

  it('still compares ACUs when basis, alignment or price differ, and says so', () => {
    const billedOctober = buildChargebackReport({
      period: OCTOBER,
      pricing: USD,
      sessions: SESSIONS,
      directory: DIRECTORY,
      costBasis: 'billed',
      billed: { available: true, consumption: BILL },
    });
    const previous = septemberSummary({ pricing: parsePricing('2.00', 'USD'), alignment: 'billing-day' });
    const result = comparePeriods(billedOctober, previous);
    expect(result).toMatchObject({ available: true, previousAcus: acus(17), changeAcus: acus(8.125) });
    if (!result.available) throw new Error('expected a comparison');
    expect(result.caveats).toEqual([
      'September 2026 (billing days from 08:00 UTC) was charged by session ACUs, this period by billed ACUs: part of the change is the change of basis.',
      'September 2026 (billing days from 08:00 UTC) counted billing days from 08:00 UTC, this period calendar days in UTC: the edges of the periods differ.',
      'The price per ACU changed from USD 2.00 to USD 2.25: the change in ACUs is not affected, the change in cost is.',
    ]);
    expect(result.orgs.find((o) => o.orgId === '(unattributed)')?.status).toBe('new');
  });

  it('leaves the change in cost empty when the previous period was in another currency', () => {
    const euros = comparePeriods(october(), septemberSummary({ pricing: parsePricing('2.00', 'EUR') }));
    expect(euros).toMatchObject({ available: true, previousCostMinor: null, changeCostMinor: null });
    if (!euros.available) throw new Error('expected a comparison');
    expect(euros.orgs.every((org) => org.changeCostMinor === null && org.previousCostMinor === null)).toBe(
      true,
    );
  });

  it('has no change share when the previous period had no ACUs', () => {
    const previous = septemberSummary();
    const empty: SummaryDocument = {
      ...previous,
      totals: { ...previous.totals, acus: { exact: '0', value: 0 } },
      orgs: [],
    };
    expect(comparePeriods(october(), empty)).toMatchObject({ changeAcus: acus(18), changeShare: null });
  });
});

describe('month-over-month in the report', () => {
  it('is filled from the previous summary.json', () => {
    expect(october(septemberSummary()).comparison).toMatchObject({ available: true, changeAcus: acus(1) });
  });

  it('says why there is nothing to compare with', () => {
    const report = buildChargebackReport({
      period: OCTOBER,
      pricing: USD,
      sessions: SESSIONS,
      directory: DIRECTORY,
      previous: noPreviousReport(monthPeriod('2026-09', 'UTC', NOW)),
    });
    expect(report.comparison).toEqual({
      available: false,
      reason: 'No report for September 2026 was found, so there is nothing to compare with',
    });
  });
});
