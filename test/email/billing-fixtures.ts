import type { ReportPeriod } from '#core/period/report-period.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { OrgChange, PeriodComparison } from '#core/report/period-comparison.js';
import type { Reconciliation } from '#core/report/reconciliation.js';
import { CYCLE_FROM_5_OCTOBER_2026 } from '../support/report-periods.js';
import { acus, octoberReport } from './fixtures.js';

/** October's 12,345.60 session ACUs against a bill of 13,217.00: 93.4% charged back. */
export const RECONCILIATION: Reconciliation = {
  orgs: [],
  users: null,
  totals: { sessionAcus: acus('12345.60'), billedAcus: acus('13217.00'), differenceAcus: acus('871.40') },
  unattributedAcus: acus('402.00'),
  allocatedShare: 12_345.6 / 13_217,
  edges: { carriedIn: 12, carriedOut: 9 },
};

function change(
  orgId: string,
  orgName: string | null,
  previous: string | null,
  current: string | null,
  status: OrgChange['status'],
): OrgChange {
  const cents = (scaled: bigint) => (scaled * 225n) / 10n ** 12n;
  const before = previous === null ? 0n : acus(previous);
  const now = current === null ? 0n : acus(current);
  return {
    orgId,
    orgName,
    previousAcus: previous === null ? null : before,
    currentAcus: current === null ? null : now,
    changeAcus: now - before,
    changeShare: previous === null ? null : Number(now - before) / Number(before),
    // At USD 2.25: ACUs × 225 cents.
    previousCostMinor: previous === null ? null : cents(before),
    changeCostMinor: cents(now) - cents(before),
    status,
  };
}

/*
 * September: Platform 5,000, Data 3,000, the unnamed org 1,000 and a legacy
 * org (with a name that attacks the HTML) 800 = 9,800. Payments is new.
 * October's 12,345.60 is +2,545.60, +26.0%.
 */
export const COMPARISON: Extract<PeriodComparison, { available: true }> = {
  available: true,
  previous: { label: 'September 2026', slug: '2026-09', runId: 'run-2026-10-01T06-00-00Z-1b2c' },
  previousAcus: acus('9800.00'),
  changeAcus: acus('2545.60'),
  changeShare: 2_545.6 / 9_800,
  previousCostMinor: 2_205_000n,
  changeCostMinor: 572_760n,
  orgs: [
    change('org_platform', 'Platform Engineering', '5000.00', '5432.08', 'continuing'),
    change('org_payments', 'Payments', null, '3210.00', 'new'),
    change('org_data', 'Data & Analytics', '3000.00', '2703.52', 'continuing'),
    change('org_7f3a9c', null, '1000.00', '1000.00', 'continuing'),
    change('org_legacy', 'Legacy <Ops> & "Co"', '800.00', null, 'vanished'),
  ],
  caveats: [],
};

export const BILLING_CYCLE: ReportPeriod = CYCLE_FROM_5_OCTOBER_2026;

export function reconciledReport(overrides: Partial<ChargebackReport> = {}): ChargebackReport {
  return {
    ...octoberReport(),
    reconciliation: { available: true, reconciliation: RECONCILIATION },
    comparison: COMPARISON,
    ...overrides,
  };
}
